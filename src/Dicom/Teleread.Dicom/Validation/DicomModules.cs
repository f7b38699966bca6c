using static Teleread.Dicom.Validation.DicomAttributeType;
using T = Teleread.Dicom.DicomTags;

namespace Teleread.Dicom.Validation;

/// <summary>
/// The modules of PS3.3 (2024 editions) used by <see cref="DicomIods"/>, as data: their Type 1, 1C, 2 and 2C attributes.
/// Conditions that need more than the data set itself (e.g. "if the body part is paired") are left out, so a finding
/// here is always a real violation; rows were cross-checked against dicom3tools' dciodvfy (see DciodvfyComparisonTests).
/// </summary>
public static class DicomModules
{
    private static DicomModuleAttribute A(DicomTag tag, DicomAttributeType type, DicomCondition? condition = null) => new(tag, type, condition);

    private static DicomModuleDefinition M(string name, string section, params DicomModuleAttribute[] attributes) => new(name, section, attributes);

    /// <summary>PS3.3 C.7.1.1 Patient Module.</summary>
    public static DicomModuleDefinition Patient { get; } = M("Patient", "C.7.1.1",
        A(T.PatientName, Type2), A(T.PatientID, Type2), A(T.PatientBirthDate, Type2), A(T.PatientSex, Type2));

    /// <summary>PS3.3 C.7.2.1 General Study Module.</summary>
    public static DicomModuleDefinition GeneralStudy { get; } = M("General Study", "C.7.2.1",
        A(T.StudyInstanceUID, Type1), A(T.StudyDate, Type2), A(T.StudyTime, Type2), A(T.ReferringPhysicianName, Type2),
        A(T.StudyID, Type2), A(T.AccessionNumber, Type2));

    /// <summary>PS3.3 C.7.3.1 General Series Module.</summary>
    public static DicomModuleDefinition GeneralSeries { get; } = M("General Series", "C.7.3.1",
        A(T.Modality, Type1), A(T.SeriesInstanceUID, Type1), A(T.SeriesNumber, Type2),
        A(T.PatientPosition, Type2C, DicomCondition.ValueIs(T.SOPClassUID, DicomUids.CTImageStorage, DicomUids.MRImageStorage)));

    /// <summary>PS3.3 C.7.4.1 Frame of Reference Module.</summary>
    public static DicomModuleDefinition FrameOfReference { get; } = M("Frame of Reference", "C.7.4.1",
        A(T.FrameOfReferenceUID, Type1), A(T.PositionReferenceIndicator, Type2));

    /// <summary>PS3.3 C.7.5.1 General Equipment Module.</summary>
    public static DicomModuleDefinition GeneralEquipment { get; } = M("General Equipment", "C.7.5.1",
        A(T.Manufacturer, Type2));

    /// <summary>PS3.3 C.7.6.1 General Image Module (Patient Orientation is required when the image has no Image Plane).</summary>
    public static DicomModuleDefinition GeneralImage { get; } = M("General Image", "C.7.6.1",
        A(T.InstanceNumber, Type2),
        A(T.PatientOrientation, Type2C, DicomCondition.NoneOf(T.ImageOrientationPatient, T.ImagePositionPatient)));

    /// <summary>PS3.3 C.7.6.2 Image Plane Module.</summary>
    public static DicomModuleDefinition ImagePlane { get; } = M("Image Plane", "C.7.6.2",
        A(T.PixelSpacing, Type1), A(T.ImageOrientationPatient, Type1), A(T.ImagePositionPatient, Type1), A(T.SliceThickness, Type2));

    /// <summary>PS3.3 C.7.6.3 Image Pixel Module (with the Image Pixel Description Macro of C.7.6.3.1).</summary>
    public static DicomModuleDefinition ImagePixel { get; } = M("Image Pixel", "C.7.6.3",
        A(T.SamplesPerPixel, Type1), A(T.PhotometricInterpretation, Type1), A(T.Rows, Type1), A(T.Columns, Type1),
        A(T.BitsAllocated, Type1), A(T.BitsStored, Type1), A(T.HighBit, Type1), A(T.PixelRepresentation, Type1),
        A(T.PlanarConfiguration, Type1C, DicomCondition.GreaterThan(T.SamplesPerPixel, 1)),
        A(T.PixelData, Type1C, DicomCondition.NoneOf(T.PixelDataProviderURL, T.FloatPixelData, T.DoubleFloatPixelData)));

    /// <summary>PS3.3 C.7.6.14 Acquisition Context Module.</summary>
    public static DicomModuleDefinition AcquisitionContext { get; } = M("Acquisition Context", "C.7.6.14",
        A(T.AcquisitionContextSequence, Type2));

    /// <summary>PS3.3 C.12.1 SOP Common Module.</summary>
    public static DicomModuleDefinition SopCommon { get; } = M("SOP Common", "C.12.1",
        A(T.SOPClassUID, Type1), A(T.SOPInstanceUID, Type1));

    /// <summary>PS3.3 C.8.2.1 CT Image Module.</summary>
    public static DicomModuleDefinition CTImage { get; } = M("CT Image", "C.8.2.1",
        A(T.ImageType, Type1), A(T.SamplesPerPixel, Type1), A(T.PhotometricInterpretation, Type1), A(T.BitsAllocated, Type1),
        A(T.BitsStored, Type1), A(T.HighBit, Type1), A(T.RescaleIntercept, Type1), A(T.RescaleSlope, Type1),
        A(T.KVP, Type2), A(T.AcquisitionNumber, Type2));

    /// <summary>PS3.3 C.8.3.1 MR Image Module.</summary>
    public static DicomModuleDefinition MRImage { get; } = M("MR Image", "C.8.3.1",
        A(T.ImageType, Type1), A(T.SamplesPerPixel, Type1), A(T.PhotometricInterpretation, Type1), A(T.BitsAllocated, Type1),
        A(T.ScanningSequence, Type1), A(T.SequenceVariant, Type1), A(T.ScanOptions, Type2), A(T.MRAcquisitionType, Type2),
        A(T.EchoTime, Type2), A(T.EchoTrainLength, Type2));

    /// <summary>PS3.3 C.8.1.1 CR Series Module.</summary>
    public static DicomModuleDefinition CRSeries { get; } = M("CR Series", "C.8.1.1",
        A(T.BodyPartExamined, Type2), A(T.ViewPosition, Type2));

    /// <summary>PS3.3 C.8.1.2 CR Image Module.</summary>
    public static DicomModuleDefinition CRImage { get; } = M("CR Image", "C.8.1.2",
        A(T.PhotometricInterpretation, Type1));

    /// <summary>PS3.3 C.8.11.1 DX Series Module.</summary>
    public static DicomModuleDefinition DXSeries { get; } = M("DX Series", "C.8.11.1",
        A(T.Modality, Type1), A(T.PresentationIntentType, Type1));

    /// <summary>PS3.3 C.8.11.2 DX Anatomy Imaged Module (with the General Anatomy Required Macro).</summary>
    public static DicomModuleDefinition DXAnatomyImaged { get; } = M("DX Anatomy Imaged", "C.8.11.2",
        A(T.ImageLaterality, Type1), A(T.AnatomicRegionSequence, Type2));

    /// <summary>PS3.3 C.8.11.3 DX Image Module.</summary>
    public static DicomModuleDefinition DXImage { get; } = M("DX Image", "C.8.11.3",
        A(T.ImageType, Type1), A(T.SamplesPerPixel, Type1), A(T.PhotometricInterpretation, Type1), A(T.BitsAllocated, Type1),
        A(T.BitsStored, Type1), A(T.HighBit, Type1), A(T.PixelRepresentation, Type1), A(T.PixelIntensityRelationship, Type1),
        A(T.PixelIntensityRelationshipSign, Type1), A(T.RescaleIntercept, Type1), A(T.RescaleSlope, Type1), A(T.RescaleType, Type1),
        A(T.PresentationLUTShape, Type1), A(T.LossyImageCompression, Type1), A(T.BurnedInAnnotation, Type1));

    /// <summary>PS3.3 C.8.11.4 DX Detector Module (with the Digital X-Ray Detector Macro).</summary>
    public static DicomModuleDefinition DXDetector { get; } = M("DX Detector", "C.8.11.4",
        A(T.DetectorType, Type2), A(T.ImagerPixelSpacing, Type1));

    /// <summary>PS3.3 C.8.11.6 Mammography Series Module.</summary>
    public static DicomModuleDefinition MammographySeries { get; } = M("Mammography Series", "C.8.11.6",
        A(T.Modality, Type1));

    /// <summary>PS3.3 C.8.11.7 Mammography Image Module (with the General Anatomy Mandatory Macro).</summary>
    public static DicomModuleDefinition MammographyImage { get; } = M("Mammography Image", "C.8.11.7",
        A(T.ImageType, Type1), A(T.ImageLaterality, Type1), A(T.OrganExposed, Type1), A(T.PositionerType, Type1),
        A(T.ViewCodeSequence, Type1), A(T.AnatomicRegionSequence, Type1));

    /// <summary>PS3.3 C.8.5.6 US Image Module.</summary>
    public static DicomModuleDefinition USImage { get; } = M("US Image", "C.8.5.6",
        A(T.SamplesPerPixel, Type1), A(T.PhotometricInterpretation, Type1), A(T.BitsAllocated, Type1), A(T.BitsStored, Type1),
        A(T.HighBit, Type1), A(T.PixelRepresentation, Type1), A(T.ImageType, Type2));

    /// <summary>PS3.3 C.8.6.1 SC Equipment Module.</summary>
    public static DicomModuleDefinition SCEquipment { get; } = M("SC Equipment", "C.8.6.1",
        A(T.ConversionType, Type1));

    /// <summary>PS3.3 C.24.1 Encapsulated Document Series Module.</summary>
    public static DicomModuleDefinition EncapsulatedDocumentSeries { get; } = M("Encapsulated Document Series", "C.24.1",
        A(T.Modality, Type1), A(T.SeriesInstanceUID, Type1), A(T.SeriesNumber, Type1));

    /// <summary>PS3.3 C.24.2 Encapsulated Document Module.</summary>
    public static DicomModuleDefinition EncapsulatedDocument { get; } = M("Encapsulated Document", "C.24.2",
        A(T.InstanceNumber, Type1), A(T.ContentDate, Type2), A(T.ContentTime, Type2), A(T.AcquisitionDateTime, Type2),
        A(T.BurnedInAnnotation, Type1), A(T.DocumentTitle, Type2), A(T.ConceptNameCodeSequence, Type2),
        A(T.MIMETypeOfEncapsulatedDocument, Type1), A(T.EncapsulatedDocument, Type1));

    /// <summary>PS3.3 C.17.1 SR Document Series Module.</summary>
    public static DicomModuleDefinition SRDocumentSeries { get; } = M("SR Document Series", "C.17.1",
        A(T.Modality, Type1), A(T.SeriesInstanceUID, Type1), A(T.SeriesNumber, Type1), A(T.ReferencedPerformedProcedureStepSequence, Type2));

    /// <summary>PS3.3 C.17.2 SR Document General Module.</summary>
    public static DicomModuleDefinition SRDocumentGeneral { get; } = M("SR Document General", "C.17.2",
        A(T.InstanceNumber, Type1), A(T.CompletionFlag, Type1), A(T.VerificationFlag, Type1), A(T.ContentDate, Type1),
        A(T.ContentTime, Type1), A(T.PerformedProcedureCodeSequence, Type2));

    /// <summary>PS3.3 C.17.3 SR Document Content Module (root content item: a CONTAINER with a concept name).</summary>
    public static DicomModuleDefinition SRDocumentContent { get; } = M("SR Document Content", "C.17.3",
        A(T.ValueType, Type1),
        A(T.ConceptNameCodeSequence, Type1C, DicomCondition.Present(T.ValueType)),
        A(T.ContinuityOfContent, Type1C, DicomCondition.ValueIs(T.ValueType, "CONTAINER")));
}
