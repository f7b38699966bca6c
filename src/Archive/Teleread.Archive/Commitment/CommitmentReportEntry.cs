using Teleread.Dicom;

namespace Teleread.Archive.Commitment;

/// <summary>
/// One report in the outbox: what to send, to whom (clinic and AE title), and how its delivery went so far.
/// <see cref="RequeuedAt"/>: when an operator last put it back in the queue after it failed (its age limit counts from then).
/// </summary>
public sealed record CommitmentReportEntry(
    string Id,
    string ClinicId,
    string CallingAeTitle,
    string TransactionUid,
    ushort EventTypeId,
    DicomDataset EventInformation,
    CommitmentReportState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? RequeuedAt = null)
{
    /// <summary>Since when the sender has been trying: creation, or the operator's last requeue.</summary>
    public DateTimeOffset TryingSince => RequeuedAt ?? CreatedAt;
}
