namespace Teleread.Archive.Storage;

/// <summary>
/// Shared state machine of a two-phase write: hashes every byte (unless the caller hashes them itself), refuses writes
/// after commit/abort, and aborts on dispose when not committed. Stores implement the three Core methods.
/// </summary>
public abstract class BlobWriteBase : IBlobWrite
{
    private readonly BlobHasher? _hasher;
    private State _state = State.Open;
    private BlobWriteStream? _stream;

    /// <param name="hashed">False for a write begun by <see cref="IBlobStore.BeginUnhashedWriteAsync"/>: its commit reports no checksums.</param>
    protected BlobWriteBase(string key, bool hashed = true)
    {
        Key = key;
        _hasher = hashed ? new BlobHasher() : null;
    }

    private enum State
    {
        Open,
        Committing,
        Committed,
        Aborted,
    }

    public string Key { get; }

    public long BytesWritten { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (data.IsEmpty)
        {
            return;
        }

        await WriteCoreAsync(data, cancellationToken).ConfigureAwait(false);
        _hasher?.Append(data.Span);
        BytesWritten += data.Length;
    }

    public Stream AsStream() => _stream ??= new BlobWriteStream(this);

    public BlobCommit Describe()
    {
        EnsureOpen();
        return Committed(Checksummed());
    }

    public Task<BlobCommit> CommitAsync(CancellationToken cancellationToken = default) => CommitAsync(deferred: false, cancellationToken);

    public Task<BlobCommit> CommitDeferredAsync(CancellationToken cancellationToken = default) => CommitAsync(deferred: true, cancellationToken);

    private async Task<BlobCommit> CommitAsync(bool deferred, CancellationToken cancellationToken)
    {
        EnsureOpen();
        _state = State.Committing;
        var commit = Checksummed();
        try
        {
            await (deferred ? CommitDeferredCoreAsync(commit.Sha256, cancellationToken) : CommitCoreAsync(commit.Sha256, cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            _state = State.Aborted;
            await AbortCoreAsync().ConfigureAwait(false);
            throw;
        }

        _state = State.Committed;
        return Committed(commit);
    }

    public async Task AbortAsync(CancellationToken cancellationToken = default)
    {
        if (_state is State.Open)
        {
            _state = State.Aborted;
            await AbortCoreAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AbortAsync().ConfigureAwait(false);
        _hasher?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Makes the bytes durable and visible; <paramref name="sha256"/> is the hash of everything written (empty when unhashed).</summary>
    protected abstract Task CommitCoreAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>As <see cref="CommitCoreAsync"/> without waiting for the disk (<see cref="IBlobWrite.CommitDeferredAsync"/>); by default durable.</summary>
    protected virtual Task CommitDeferredCoreAsync(string sha256, CancellationToken cancellationToken) => CommitCoreAsync(sha256, cancellationToken);

    /// <summary>Removes partial data. Must not throw for an already-removed or never-started write.</summary>
    protected abstract Task AbortCoreAsync();

    /// <summary>What <see cref="CommitAsync"/> returns; a store may add to it (the sites a copy is still pending on).</summary>
    protected virtual BlobCommit Committed(BlobCommit commit) => commit;

    private BlobCommit Checksummed()
    {
        if (_hasher is null)
        {
            return new BlobCommit(Key, BytesWritten, "");
        }

        var (sha256, xxh3) = _hasher.Current();
        return new BlobCommit(Key, BytesWritten, sha256) { Xxh3 = xxh3 };
    }

    private void EnsureOpen()
    {
        if (_state is not State.Open)
        {
            throw new InvalidOperationException($"The write of '{Key}' is {_state.ToString().ToLowerInvariant()}; it accepts no more calls.");
        }
    }
}
