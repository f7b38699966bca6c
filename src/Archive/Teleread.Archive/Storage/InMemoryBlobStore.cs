using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Teleread.Archive.Storage;

/// <summary>A store in process memory, for tests and tools. It holds whole objects in memory by design.</summary>
public sealed class InMemoryBlobStore(string name = "memory") : IBlobStore
{
    private readonly ConcurrentDictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Count => _objects.Count;

    public Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult<IBlobWrite>(new Write(this, key));
    }

    public Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        if (!_objects.TryGetValue(key, out var stored))
        {
            throw new BlobNotFoundException(Name, key);
        }

        var offset = range?.Offset ?? 0;
        var length = range is { } r ? r.ResolveLength(key, stored.Bytes.Length) : stored.Bytes.Length;
        return Task.FromResult<Stream>(new MemoryStream(stored.Bytes, (int)offset, (int)length, writable: false));
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult(_objects.ContainsKey(key));
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult(_objects.TryGetValue(key, out var stored) ? stored.ToInfo(key) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        _objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        await Task.Yield();
        foreach (var (key, stored) in _objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return stored.ToInfo(key);
            }
        }
    }

    private sealed record StoredObject(byte[] Bytes, DateTimeOffset LastModified)
    {
        public BlobInfo ToInfo(string key) => new(key, Bytes.Length, LastModified);
    }

    private sealed class Write(InMemoryBlobStore store, string key) : BlobWriteBase(key)
    {
        private MemoryStream? _buffer = new();

        protected override ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            _buffer!.Write(data.Span);
            return ValueTask.CompletedTask;
        }

        protected override Task CommitCoreAsync(string sha256, CancellationToken cancellationToken)
        {
            store._objects[Key] = new StoredObject(_buffer!.ToArray(), DateTimeOffset.UtcNow);
            _buffer = null;
            return Task.CompletedTask;
        }

        protected override Task AbortCoreAsync()
        {
            _buffer = null;
            return Task.CompletedTask;
        }
    }
}
