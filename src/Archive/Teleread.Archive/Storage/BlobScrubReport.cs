namespace Teleread.Archive.Storage;

/// <summary>
/// Outcome of a scrub. Objects: <see cref="Checked"/>, <see cref="Healthy"/> (every copy good), <see cref="Unrecoverable"/>
/// (no good copy anywhere). Copies: <see cref="Missing"/>, <see cref="Corrupted"/>, <see cref="Repaired"/>,
/// <see cref="Unavailable"/> (a site could not be read) and <see cref="RepairFailed"/>; <see cref="PendingReplication"/> counts
/// copies that are missing because their replication is still queued (not an alarm, not repaired here: the replicator makes them).
/// An object is <see cref="Healthy"/> when every copy is good, so one with a pending copy is not counted healthy.
/// </summary>
public sealed record BlobScrubReport(
    long Checked,
    long Healthy,
    long Missing,
    long Corrupted,
    long Repaired,
    long Unrecoverable,
    long Unavailable,
    long RepairFailed,
    long PendingReplication,
    IReadOnlyList<string> UnrecoverableKeys)
{
    /// <summary>How many unrecoverable keys a report names at most (the counts are always complete).</summary>
    public const int MaxListedKeys = 1000;
}
