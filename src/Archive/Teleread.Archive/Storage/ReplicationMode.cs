namespace Teleread.Archive.Storage;

/// <summary>What a write must reach before it is acknowledged (configuration key <c>Storage:Replication</c>; docs/storage.md).</summary>
public enum ReplicationMode
{
    /// <summary>Every site has committed (fsynced) the object before the commit returns.</summary>
    Synchronous,

    /// <summary>
    /// Only the primary site has committed the object; the commit names the other sites in
    /// <see cref="BlobCommit.PendingSites"/>, and the index records one replication-queue row per pending site in the
    /// transaction that records the instance. A replicator copies the object there later.
    /// </summary>
    Queued,
}
