namespace Teleread.Archive.Commitment;

/// <summary>Where an undelivered Storage Commitment report stands. A delivered report leaves the outbox.</summary>
public enum CommitmentReportState
{
    /// <summary>Waiting for its next delivery attempt.</summary>
    Pending,

    /// <summary>Given up on after the age limit; kept for the operator.</summary>
    Failed,
}
