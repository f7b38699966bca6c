using Teleread.Archive.Ingest;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;

namespace Teleread.Server.Reading;

/// <summary>
/// DICOM header → the reading service's terms, for opening a request from images: Modality (0008,0060) codes to the modality
/// classes the service schedules, Body Part Examined (0018,0015, PS3.16 CID 4031 code values) to body regions, Referring
/// Physician's Name (PN) to a display name. Objects that are not images to read (SR, KO, PR, SEG, …) map to nothing.
/// </summary>
public static class StudyHeaderMapping
{
    public static StudyFromImages? ToStudy(StoredInstanceHeader h) =>
        ModalityOf(h.Modality) is { } modality
            ? new StudyFromImages(h.PatientId, modality, RegionOf(h.BodyPartExamined), h.ReasonForRequestedProcedure, h.StudyDescription, DisplayName(h.ReferringPhysicianName))
            : null;

    public static string ChannelOf(IngestOrigin origin) => origin switch
    {
        IngestOrigin.Dimse => "C-STORE",
        IngestOrigin.Stow => "STOW-RS",
        IngestOrigin.Gateway => "STOW-RS (clinic gateway)",
        IngestOrigin.Upload => "web upload",
        _ => origin.ToString(),
    };

    public static ImagingModality? ModalityOf(string code) => code.Trim().ToUpperInvariant() switch
    {
        "CT" => ImagingModality.CT,
        "MR" => ImagingModality.MR,
        "CR" or "DX" or "DR" or "RF" or "XA" or "PX" or "RG" or "IO" => ImagingModality.XRay,
        "MG" => ImagingModality.Mammography,
        "US" => ImagingModality.Ultrasound,
        "NM" or "PT" => ImagingModality.NuclearMedicine,
        _ => null,
    };

    public static BodyRegion? RegionOf(string bodyPart) => bodyPart.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal) switch
    {
        "HEAD" or "BRAIN" or "SKULL" or "FACE" or "ORBIT" or "SINUS" or "IAC" or "TEMPORALBONE" => BodyRegion.Head,
        "NECK" or "THYROID" or "LARYNX" or "PHARYNX" or "HEADNECK" => BodyRegion.Neck,
        "CHEST" or "THORAX" or "LUNG" or "RIB" or "STERNUM" or "CHESTABDOMEN" or "CHESTABDPELVIS" => BodyRegion.Chest,
        "ABDOMEN" or "LIVER" or "KIDNEY" or "PANCREAS" or "GALLBLADDER" or "ABDOMENPELVIS" or "ABDPELV" => BodyRegion.Abdomen,
        "PELVIS" or "PROSTATE" or "BLADDER" or "UTERUS" or "OVARY" => BodyRegion.Pelvis,
        "SPINE" or "CSPINE" or "TSPINE" or "LSPINE" or "SSPINE" or "CTSPINE" or "TLSPINE" or "LSSPINE" or "COCCYX" or "SACRUM" => BodyRegion.Spine,
        "EXTREMITY" or "ARM" or "LEG" or "HAND" or "FOOT" or "KNEE" or "HIP" or "SHOULDER" or "ELBOW" or "WRIST" or "ANKLE" or "FINGER" or "TOE"
            or "FEMUR" or "TIBIA" or "FIBULA" or "HUMERUS" or "FOREARM" or "LOWERLIMB" or "UPPERLIMB" or "CLAVICLE" or "HEEL" => BodyRegion.Extremity,
        "BREAST" => BodyRegion.Breast,
        "HEART" or "CORONARYARTERY" or "AORTA" => BodyRegion.Heart,
        "WHOLEBODY" => BodyRegion.WholeBody,
        _ => null,
    };

    /// <summary>"Yamada^Taro=山田^太郎" → "Yamada Taro = 山田 太郎": components spaced, empty groups dropped.</summary>
    public static string DisplayName(string personName) =>
        string.Join(" = ", personName.Split('=')
            .Select(g => string.Join(' ', g.Split('^').Select(p => p.Trim()).Where(p => p.Length > 0)))
            .Where(g => g.Length > 0));
}
