namespace Teleread.Reading.Domain;

/// <summary>Modality class as the reading service schedules and bills it (not a DICOM code).</summary>
public enum ImagingModality
{
    CT,
    MR,
    XRay,
    Mammography,
    Ultrasound,
    NuclearMedicine,
}
