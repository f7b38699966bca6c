using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>Wraps a store and fails on demand, as a site that is down or dies mid-write would.</summary>
internal sealed class FaultyBlobStore(IBlobStore inner) : IBlobStore
{
    public bool Down { get; set; }

    public long? FailWriteAfterBytes { get; set; }

    public bool FailCommit { get; set; }

    /// <summary>Runs just before a write's commit reaches the inner store (to interleave other work with a write).</summary>
    public Func<string, Task>? BeforeCommit { get; set; }

    public string Name => inner.Name;

    public Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return WrapAsync(inner.BeginWriteAsync(key, cancellationToken));
    }

    public Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.OpenReadAsync(key, range, cancellationToken);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.ExistsAsync(key, cancellationToken);
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.GetInfoAsync(key, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.DeleteAsync(key, cancellationToken);
    }

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.ListAsync(prefix, cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new IOException($"Site '{Name}' is down.");
        }
    }

    private async Task<IBlobWrite> WrapAsync(Task<IBlobWrite> write) => new FaultyWrite(this, await write);

    private sealed class FaultyWrite(FaultyBlobStore store, IBlobWrite inner) : IBlobWrite
    {
        public string Key => inner.Key;

        public long BytesWritten => inner.BytesWritten;

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            if (store.Down || inner.BytesWritten + data.Length > store.FailWriteAfterBytes)
            {
                throw new IOException($"Site '{store.Name}' went down during the write.");
            }

            await inner.WriteAsync(data, cancellationToken);
        }

        public Stream AsStream() => new BlobWriteStream(this);

        public BlobCommit Describe() => inner.Describe();

        public async Task<BlobCommit> CommitAsync(CancellationToken cancellationToken = default)
        {
            if (store.BeforeCommit is { } hook)
            {
                await hook(inner.Key);
            }

            return store.FailCommit || store.Down ? throw new IOException($"Site '{store.Name}' failed to commit.") : await inner.CommitAsync(cancellationToken);
        }

        public Task AbortAsync(CancellationToken cancellationToken = default) => inner.AbortAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
