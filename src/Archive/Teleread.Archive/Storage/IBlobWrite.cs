namespace Teleread.Archive.Storage;

/// <summary>
/// An object being written. Bytes are hashed (SHA-256) as they are written; <see cref="CommitAsync"/>
/// makes the object durable and visible. Disposing without committing aborts and removes partial data.
/// </summary>
public interface IBlobWrite : IAsyncDisposable
{
    string Key { get; }

    long BytesWritten { get; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>A write-only stream over this write, for <see cref="Stream.CopyToAsync(Stream)"/> and serializers.</summary>
    Stream AsStream();

    /// <summary>
    /// What <see cref="CommitAsync"/> will return if it succeeds, known once the last byte is written: lets a caller
    /// record the object (index, queues) while the commit makes it durable.
    /// </summary>
    BlobCommit Describe();

    /// <summary>Makes the object durable and visible under its key; returns its size and SHA-256.</summary>
    Task<BlobCommit> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the object visible under its key with every byte, without waiting for the disk: it is durable once the
    /// store's <see cref="IBlobStore.SyncDeferredAsync"/> has run after this returned. For a caller that keeps its own
    /// durable copy of the bytes until then (ingest journals small objects in the index). A store without a faster way
    /// (<see cref="IBlobStore.DefersSync"/> false) commits durably.
    /// </summary>
    Task<BlobCommit> CommitDeferredAsync(CancellationToken cancellationToken = default) => CommitAsync(cancellationToken);

    /// <summary>Discards everything written; nothing remains under the key from this write.</summary>
    Task AbortAsync(CancellationToken cancellationToken = default);
}
