namespace Teleread.Archive.Storage;

/// <summary>
/// One storage site holding immutable objects (opaque bytes) under keys. Writes are two-phase:
/// <see cref="BeginWriteAsync"/> → stream → <see cref="IBlobWrite.CommitAsync"/> or abort; nothing is
/// visible under the key before the commit returns.
/// </summary>
public interface IBlobStore
{
    /// <summary>A short name for messages and reports ("east", "west", a path, a bucket).</summary>
    string Name { get; }

    /// <summary>Starts writing an object. Committing replaces any object already stored under the key.</summary>
    /// <exception cref="InvalidBlobKeyException">The key is not a valid relative key.</exception>
    Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a write whose bytes the caller hashes itself (a replicated write tees the same buffers to every site and
    /// hashes them once): its commit reports the length and an empty <see cref="BlobCommit.Sha256"/>. A store that
    /// cannot skip hashing returns a hashed write.
    /// </summary>
    Task<IBlobWrite> BeginUnhashedWriteAsync(string key, CancellationToken cancellationToken = default) => BeginWriteAsync(key, cancellationToken);

    /// <summary>
    /// Whether <see cref="IBlobWrite.CommitDeferredAsync"/> is faster here than a durable commit (a file system: it skips
    /// the fsyncs, done later for many objects at once by <see cref="SyncDeferredAsync"/>). False: it commits durably.
    /// </summary>
    bool DefersSync => false;

    /// <summary>Makes durable every object committed with <see cref="IBlobWrite.CommitDeferredAsync"/> before this call.</summary>
    Task SyncDeferredAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Opens the object (or a byte range of it) for reading. The caller disposes the stream.</summary>
    /// <exception cref="BlobNotFoundException">No object is stored under the key.</exception>
    /// <exception cref="BlobRangeException">The range starts past the end of the object.</exception>
    Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Size and modification time, or null when no object is stored under the key.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; removing a key that holds nothing is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every object whose key starts with <paramref name="prefix"/> (plain string prefix, any depth), in no particular order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
