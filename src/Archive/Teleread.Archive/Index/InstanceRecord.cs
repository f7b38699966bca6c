using Teleread.Dicom;

namespace Teleread.Archive.Index;

/// <summary>The attributes of one instance that the index keeps (study, series and instance levels), read from its header.</summary>
public sealed record InstanceRecord(
    string ClinicId,
    string StudyUid,
    string SeriesUid,
    string SopInstanceUid,
    string SopClassUid,
    string PatientId,
    string PatientName,
    string PatientBirthDate,
    string PatientSex,
    string StudyDate,
    string StudyTime,
    string AccessionNumber,
    string StudyId,
    string StudyDescription,
    string ReferringPhysician,
    string CharacterSet,
    string Modality,
    string SeriesNumber,
    string SeriesDescription,
    string BodyPart,
    string InstanceNumber,
    int Rows,
    int Columns,
    int BitsAllocated,
    int NumberOfFrames,
    string TransferSyntaxUid)
{
    /// <summary>Performed Procedure Step Start Date (0040,0244) and Time (0040,0245): series level.</summary>
    public string PerformedStartDate { get; init; } = "";

    public string PerformedStartTime { get; init; } = "";

    /// <summary>Requested Procedure ID (0040,1001) and Scheduled Procedure Step ID (0040,0009) of the first Request Attributes Sequence item.</summary>
    public string RequestedProcedureId { get; init; } = "";

    public string ScheduledStepId { get; init; } = "";

    /// <summary>Reason for the Requested Procedure (0040,1002), top level or in the first Request Attributes Sequence item; not indexed.</summary>
    public string ReasonForRequestedProcedure { get; init; } = "";

    public static InstanceRecord FromHeader(string clinicId, DicomDataset ds, string transferSyntaxUid)
    {
        string S(DicomTag t) => ds.TryGetString(t, out var v) ? v.Trim() : "";
        var request = ds.GetSequence(DicomTags.RequestAttributesSequence)?.Items.FirstOrDefault();
        int I(DicomTag t, int fallback) => ds.TryGetValue<int>(t, out var v) ? v : int.TryParse(S(t), out var p) ? p : fallback;
        return new InstanceRecord(
            clinicId,
            S(DicomTags.StudyInstanceUID), S(DicomTags.SeriesInstanceUID), S(DicomTags.SOPInstanceUID), S(DicomTags.SOPClassUID),
            S(DicomTags.PatientID), S(DicomTags.PatientName), S(DicomTags.PatientBirthDate), S(DicomTags.PatientSex),
            S(DicomTags.StudyDate), S(DicomTags.StudyTime), S(DicomTags.AccessionNumber), S(DicomTags.StudyID),
            S(DicomTags.StudyDescription), S(DicomTags.ReferringPhysicianName), string.Join('\\', ds.GetStrings(DicomTags.SpecificCharacterSet)),
            S(DicomTags.Modality), S(DicomTags.SeriesNumber), S(DicomTags.SeriesDescription), S(DicomTags.BodyPartExamined),
            S(DicomTags.InstanceNumber), I(DicomTags.Rows, 0), I(DicomTags.Columns, 0), I(DicomTags.BitsAllocated, 0),
            I(DicomTags.NumberOfFrames, 1), transferSyntaxUid)
        {
            PerformedStartDate = S(DicomTags.PerformedProcedureStepStartDate),
            PerformedStartTime = S(DicomTags.PerformedProcedureStepStartTime),
            RequestedProcedureId = request is not null && request.TryGetString(DicomTags.RequestedProcedureID, out var rp) ? rp.Trim() : "",
            ScheduledStepId = request is not null && request.TryGetString(DicomTags.ScheduledProcedureStepID, out var sps) ? sps.Trim() : "",
            ReasonForRequestedProcedure = S(DicomTags.ReasonForTheRequestedProcedure) is { Length: > 0 } reason ? reason
                : request is not null && request.TryGetString(DicomTags.ReasonForTheRequestedProcedure, out var rr) ? rr.Trim() : "",
        };
    }

    /// <summary>Why this header cannot be indexed, or null when it can.</summary>
    public string? Problem() =>
        StudyUid.Length == 0 ? "Study Instance UID (0020,000D) is missing"
        : SeriesUid.Length == 0 ? "Series Instance UID (0020,000E) is missing"
        : SopInstanceUid.Length == 0 ? "SOP Instance UID (0008,0018) is missing"
        : SopClassUid.Length == 0 ? "SOP Class UID (0008,0016) is missing"
        : SopClassUid == "1.2.840.10008.1.3.10" ? "A DICOMDIR (Media Storage Directory) is not an instance to archive"
        : null;
}
