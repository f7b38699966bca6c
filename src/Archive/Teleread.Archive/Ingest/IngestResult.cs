namespace Teleread.Archive.Ingest;

/// <summary>
/// What happened to one instance. <see cref="DicomStatus"/> is the PS3.4 C-STORE status (0x0000 success,
/// 0xA7xx out of resources, 0xA9xx data set does not match SOP class, 0xC000 cannot understand) that
/// DIMSE answers with and STOW-RS reports as its Failure Reason.
/// </summary>
public sealed record IngestResult(
    IngestOutcome Outcome,
    ushort DicomStatus,
    string? StudyInstanceUid,
    string? SeriesInstanceUid,
    string? SopInstanceUid,
    string? SopClassUid,
    string? FailureReason)
{
    public bool Succeeded => Outcome is IngestOutcome.Stored or IngestOutcome.Duplicate;

    /// <summary>The stored instance's header attributes that observers use; set on <see cref="IngestOutcome.Stored"/> only.</summary>
    public StoredInstanceHeader? Header { get; init; }

    public static IngestResult Rejected(ushort status, string reason, string? sopClass = null, string? sopInstance = null) =>
        new(IngestOutcome.Rejected, status, null, null, sopInstance, sopClass, reason);
}
