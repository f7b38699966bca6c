using Teleread.Archive.SiteReplication;

namespace Teleread.Server.Archive;

/// <summary>
/// GET /api/admin/storage/replication: the mode, the queue (<see cref="Depth"/> copies queued, <see cref="Failing"/> after a
/// failed attempt, how long the oldest has waited and whether that is past the warning threshold), what this server's
/// replicator made since it started, and the oldest queued entries with their attempts and last error.
/// </summary>
public sealed record StorageReplicationStatus(
    string Mode,
    string PrimarySite,
    IReadOnlyList<string> Sites,
    long Depth,
    long Failing,
    DateTimeOffset? OldestQueuedAt,
    double OldestPendingSeconds,
    double LagWarningSeconds,
    bool Lagging,
    long ReplicatedSinceStart,
    long FailedAttemptsSinceStart,
    DateTimeOffset? LastCopyAt,
    IReadOnlyList<ReplicationQueueItem> Oldest);
