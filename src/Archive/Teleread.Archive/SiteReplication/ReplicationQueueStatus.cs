namespace Teleread.Archive.SiteReplication;

/// <summary>
/// The replication queue at a glance: <see cref="Depth"/> copies queued, <see cref="Failing"/> of them after at least
/// one failed attempt, when the oldest was queued, and the oldest entries themselves (with their last error).
/// </summary>
public sealed record ReplicationQueueStatus(long Depth, long Failing, DateTimeOffset? OldestQueuedAt, IReadOnlyList<ReplicationQueueItem> Oldest)
{
    /// <summary>How long the oldest queued copy has waited at <paramref name="now"/>; zero when the queue is empty.</summary>
    public TimeSpan OldestAge(DateTimeOffset now) => OldestQueuedAt is { } at && now > at ? now - at : TimeSpan.Zero;
}
