using static Teleread.Dicom.Validation.DicomModules;

namespace Teleread.Dicom.Validation;

/// <summary>The composite IODs of PS3.3 Annex A that the validator knows, each composed of the shared modules of <see cref="DicomModules"/>.</summary>
public static class DicomIods
{
    private static DicomModuleUsage U(DicomModuleDefinition module) => new(module);

    /// <summary>PS3.3 A.3 CT Image IOD.</summary>
    public static DicomIodDefinition CTImage { get; } = new("CT Image", "A.3", [DicomUids.CTImageStorage],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(FrameOfReference), U(GeneralEquipment), U(GeneralImage),
         U(ImagePlane), U(ImagePixel), U(DicomModules.CTImage), U(SopCommon)]);

    /// <summary>PS3.3 A.4 MR Image IOD.</summary>
    public static DicomIodDefinition MRImage { get; } = new("MR Image", "A.4", [DicomUids.MRImageStorage],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(FrameOfReference), U(GeneralEquipment), U(GeneralImage),
         U(ImagePlane), U(ImagePixel), U(DicomModules.MRImage), U(SopCommon)]);

    /// <summary>PS3.3 A.2 Computed Radiography Image IOD.</summary>
    public static DicomIodDefinition CRImage { get; } = new("Computed Radiography Image", "A.2", [DicomUids.ComputedRadiographyImageStorage],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(CRSeries), U(GeneralEquipment), U(GeneralImage), U(ImagePixel),
         U(DicomModules.CRImage), U(SopCommon)]);

    /// <summary>PS3.3 A.26 Digital X-Ray Image IOD (for presentation and for processing).</summary>
    public static DicomIodDefinition DXImage { get; } = new("Digital X-Ray Image", "A.26",
        [DicomUids.DigitalXRayImageStorageForPresentation, DicomUids.DigitalXRayImageStorageForProcessing],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(DXSeries), U(GeneralEquipment), U(GeneralImage), U(ImagePixel),
         U(AcquisitionContext), U(DXAnatomyImaged), U(DicomModules.DXImage), U(DXDetector), U(SopCommon)]);

    /// <summary>PS3.3 A.27 Digital Mammography X-Ray Image IOD.</summary>
    public static DicomIodDefinition MGImage { get; } = new("Digital Mammography X-Ray Image", "A.27",
        [DicomUids.DigitalMammographyXRayImageStorageForPresentation, DicomUids.DigitalMammographyXRayImageStorageForProcessing],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(DXSeries), U(MammographySeries), U(GeneralEquipment), U(GeneralImage),
         U(ImagePixel), U(AcquisitionContext), U(DXAnatomyImaged), U(DicomModules.DXImage), U(DXDetector), U(MammographyImage), U(SopCommon)]);

    /// <summary>PS3.3 A.6 Ultrasound Image IOD.</summary>
    public static DicomIodDefinition USImage { get; } = new("Ultrasound Image", "A.6", [DicomUids.UltrasoundImageStorage],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(GeneralEquipment), U(GeneralImage), U(ImagePixel), U(DicomModules.USImage), U(SopCommon)]);

    /// <summary>PS3.3 A.8.1 Secondary Capture Image IOD.</summary>
    public static DicomIodDefinition SecondaryCaptureImage { get; } = new("Secondary Capture Image", "A.8.1", [DicomUids.SecondaryCaptureImageStorage],
        [U(Patient), U(GeneralStudy), U(GeneralSeries), U(SCEquipment), U(GeneralImage), U(ImagePixel), U(SopCommon)]);

    /// <summary>PS3.3 A.45.1 Encapsulated PDF IOD.</summary>
    public static DicomIodDefinition EncapsulatedPdf { get; } = new("Encapsulated PDF", "A.45.1", [DicomUids.EncapsulatedPDFStorage],
        [U(Patient), U(GeneralStudy), U(EncapsulatedDocumentSeries), U(GeneralEquipment), U(SCEquipment), U(EncapsulatedDocument), U(SopCommon)]);

    /// <summary>PS3.3 A.35.1 Basic Text SR IOD.</summary>
    public static DicomIodDefinition BasicTextSR { get; } = new("Basic Text SR", "A.35.1", [DicomUids.BasicTextSRStorage],
        [U(Patient), U(GeneralStudy), U(SRDocumentSeries), U(GeneralEquipment), U(SRDocumentGeneral), U(SRDocumentContent), U(SopCommon)]);

    public static IReadOnlyList<DicomIodDefinition> All { get; } =
        [CTImage, MRImage, CRImage, DXImage, MGImage, USImage, SecondaryCaptureImage, EncapsulatedPdf, BasicTextSR];

    /// <summary>The IOD of a SOP Class UID, or null when none of the tables covers it.</summary>
    public static DicomIodDefinition? ForSopClass(string sopClassUid) =>
        All.FirstOrDefault(i => i.SopClassUids.Contains(sopClassUid.TrimEnd('\0', ' '), StringComparer.Ordinal));
}
