namespace Teleread.Dicom.Imaging;

/// <summary>VOI LUT Function (0028,1056), PS3.3 C.11.2.1.2.</summary>
public enum DicomVoiLutFunction
{
    Linear,
    LinearExact,
    Sigmoid,
}
