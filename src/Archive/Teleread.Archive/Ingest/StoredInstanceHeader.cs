using Teleread.Archive.Index;

namespace Teleread.Archive.Ingest;

/// <summary>
/// The few header attributes of a stored instance that observers may act on (e.g. to open a reading request for a
/// study nobody filed one for), as the header gives them: DICOM codes and strings, trimmed, empty when absent.
/// </summary>
public sealed record StoredInstanceHeader(
    string PatientId,
    string Modality,
    string BodyPartExamined,
    string StudyDescription,
    string ReasonForRequestedProcedure,
    string ReferringPhysicianName)
{
    public static StoredInstanceHeader Of(InstanceRecord r) =>
        new(r.PatientId, r.Modality, r.BodyPart, r.StudyDescription, r.ReasonForRequestedProcedure, r.ReferringPhysician);
}
