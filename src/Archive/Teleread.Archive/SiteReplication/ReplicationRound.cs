namespace Teleread.Archive.SiteReplication;

/// <summary>
/// What one replicator round did: copies it took from the queue, made (verified, row deleted), failed (row kept for a
/// later attempt) and discarded (the instance was deleted meanwhile, so the copy was removed again); and the longest
/// time a copy it made had been queued.
/// </summary>
public sealed record ReplicationRound(int Claimed, int Replicated, int Failed, int Discarded, TimeSpan LongestWait)
{
    public static readonly ReplicationRound Empty = new(0, 0, 0, 0, TimeSpan.Zero);
}
