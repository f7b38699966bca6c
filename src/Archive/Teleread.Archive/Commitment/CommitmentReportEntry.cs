using Teleread.Dicom;

namespace Teleread.Archive.Commitment;

/// <summary>One report in the outbox: what to send, to whom (clinic and AE title), and how its delivery went so far.</summary>
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
    DateTimeOffset? FailedAt);
