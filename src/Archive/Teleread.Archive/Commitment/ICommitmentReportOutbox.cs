namespace Teleread.Archive.Commitment;

/// <summary>
/// Durable outbox of Storage Commitment reports not yet delivered. The report is written before the N-ACTION is
/// answered, so a restart never loses it; a sender claims due entries, removes the delivered ones and reschedules
/// or gives up on the others. Implemented over the database by <see cref="SqlCommitmentReportOutbox"/>.
/// </summary>
public interface ICommitmentReportOutbox
{
    /// <summary>Adds a pending report whose first attempt by a sender is due at <paramref name="firstAttemptAt"/>; returns its id.</summary>
    Task<string> AddAsync(NewCommitmentReport report, DateTimeOffset firstAttemptAt, CancellationToken ct);

    /// <summary>Pending reports due at <paramref name="now"/>, oldest due first.</summary>
    Task<IReadOnlyList<CommitmentReportEntry>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>
    /// Takes a due entry for one attempt: its next attempt moves to <paramref name="leaseUntil"/> so no other sender
    /// takes it meanwhile. False when it is gone, failed or was taken since it was listed (its due time changed).
    /// </summary>
    Task<bool> TryClaimAsync(CommitmentReportEntry entry, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>Makes a pending report due at <paramref name="at"/> (the requesting association could not take it).</summary>
    Task RescheduleAsync(string id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Counts a failed attempt and schedules the next one.</summary>
    Task RecordFailedAttemptAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken ct);

    /// <summary>Counts a last failed attempt and marks the report failed; it stays for the operator and is never sent again.</summary>
    Task GiveUpAsync(string id, string error, DateTimeOffset at, CancellationToken ct);

    /// <summary>Removes a delivered report.</summary>
    Task RemoveAsync(string id, CancellationToken ct);

    /// <summary>
    /// Puts a failed report back in the queue, due at <paramref name="now"/>, its age limit counting from then (the
    /// operator fixed the clinic's node). False when there is no failed report with this id.
    /// </summary>
    Task<bool> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct);

    /// <summary>Removes a report the operator gave up on, pending or failed; false when there is none with this id.</summary>
    Task<bool> DiscardAsync(string id, CancellationToken ct);

    /// <summary>One report by id, or null.</summary>
    Task<CommitmentReportEntry?> FindAsync(string id, CancellationToken ct);

    /// <summary>Reports in the outbox (pending and failed, or one state), newest first.</summary>
    Task<IReadOnlyList<CommitmentReportEntry>> ListAsync(CommitmentReportState? state, int limit, CancellationToken ct);
}
