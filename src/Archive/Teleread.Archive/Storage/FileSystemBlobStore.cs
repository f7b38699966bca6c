using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Teleread.Archive.Storage;

/// <summary>
/// Objects as files under a root directory (the key is the relative path). A write goes to a hidden
/// temporary file in the target directory; commit renames it over the key and fsyncs the file and the directory. A
/// deferred commit renames only; <see cref="SyncDeferredAsync"/> later fsyncs every such file and its directory at once.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 81920;

    // Coalesces small writes (a DIMSE meta header, then a small data set) into one write(2); a write at least this
    // long (the 128 KB chunks of a large instance) goes to the file directly, not through the buffer.
    private const int WriteBufferSize = 16 * 1024;

    // Objects up to this size are written through the page cache at commit; larger ones with O_DIRECT as they arrive.
    private const int SmallObjectSize = 64 * 1024;

    // Bounds the memory of _linkedDirectories; forgetting them only costs one more fsync per directory.
    private const int MaxLinkedDirectories = 10_000;

    // Temporary names: unique within a directory across processes (PID, plus a random part for a PID reused after
    // a restart, as in a container), without reading the OS random source for every write as a GUID does.
    private static readonly string ProcessTag = $"{Environment.ProcessId}-{Random.Shared.Next():x8}";
    private static long _temporaryCounter;

    private readonly string _root;

    // Set when the file system under the root refuses O_DIRECT (tmpfs, for one: probed at start, or at a later open):
    // large objects then go through the page cache.
    private volatile bool _directRefused;

    // Directories whose entry in their parent is known durable (a commit fsynced the parent after they existed).
    private readonly ConcurrentDictionary<string, byte> _linkedDirectories = new(StringComparer.Ordinal);

    // Files committed without fsync (deferred), and the directories whose entries they need durable; one sync at a time,
    // so a caller's sync returns only after every file committed before it was synced, by it or by the sync it waited for.
    private readonly ConcurrentQueue<(string Path, List<string> Directories)> _unsynced = new();
    private readonly SemaphoreSlim _syncTurn = new(1, 1);

    public FileSystemBlobStore(string rootDirectory, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
        Name = name ?? _root;
        _directRefused = !DirectFileWriter.WorksIn(_root);
    }

    public string Name { get; }

    public string RootDirectory => _root;

    public Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(Begin(key, hashed: true));

    public Task<IBlobWrite> BeginUnhashedWriteAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(Begin(key, hashed: false));

    private IBlobWrite Begin(string key, bool hashed)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        var unlinked = EnsureDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{ProcessTag}.{Interlocked.Increment(ref _temporaryCounter)}.tmp");
        return new Write(this, key, temporary, path, unlinked, hashed);
    }

    // Windows cannot fsync a file without opening it for writing, nor rename one this process holds open: durable commits only.
    public bool DefersSync => !OperatingSystem.IsWindows();

    public async Task SyncDeferredAsync(CancellationToken cancellationToken = default)
    {
        await _syncTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<(string Path, List<string> Directories)>();
            while (_unsynced.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await Task.Run(() => SyncFiles(batch), CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                // Nothing is known durable: the next sync tries them all again.
                foreach (var entry in batch)
                {
                    _unsynced.Enqueue(entry);
                }

                throw;
            }
        }
        finally
        {
            _syncTurn.Release();
        }
    }

    /// <summary>The first fsync commits the file system's journal with every file's entry; the others mostly find theirs done.</summary>
    private void SyncFiles(List<(string Path, List<string> Directories)> batch)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, unlinked) in batch)
        {
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                RandomAccess.FlushToDisk(handle);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Deleted since (a duplicate, a withdrawn instance): nothing to make durable.
            }

            directories.Add(Path.GetDirectoryName(path)!);
            foreach (var directory in unlinked)
            {
                directories.Add(Path.GetDirectoryName(directory)!);
            }
        }

        foreach (var directory in directories.Where(Directory.Exists))
        {
            DirectorySync.Flush(directory);
        }

        foreach (var (_, unlinked) in batch)
        {
            MarkLinked(unlinked);
        }
    }

    public Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(Name, key);
        }

        if (range is not { } r)
        {
            return Task.FromResult<Stream>(file);
        }

        try
        {
            var length = r.ResolveLength(key, file.Length);
            file.Seek(r.Offset, SeekOrigin.Begin);
            return Task.FromResult<Stream>(new BoundedReadStream(file, length));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? new BlobInfo(key, file.Length, file.LastWriteTimeUtc) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        await Task.Yield();

        // Walk only the deepest directory the prefix names completely.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (file.Name.StartsWith('.') || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            yield return new BlobInfo(key, file.Length, file.LastWriteTimeUtc);
        }
    }

    private string PathOf(string key)
    {
        BlobKey.Validate(key);
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>
    /// Creates <paramref name="directory"/> if missing; returns it and those of its ancestors (below the root) not known
    /// to be durably linked into their parents, whose parents a commit must fsync. That includes directories another
    /// write created and has not committed yet: a commit in them must not rely on that write's fsyncs.
    /// </summary>
    private List<string> EnsureDirectory(string directory)
    {
        var unlinked = new List<string>();
        for (var d = directory; d.Length > _root.Length && !(_linkedDirectories.ContainsKey(d) && Directory.Exists(d)); d = Path.GetDirectoryName(d)!)
        {
            unlinked.Add(d);
        }

        if (unlinked.Count > 0)
        {
            Directory.CreateDirectory(directory);
        }

        return unlinked;
    }

    private void MarkLinked(List<string> directories)
    {
        if (_linkedDirectories.Count + directories.Count > MaxLinkedDirectories)
        {
            _linkedDirectories.Clear();
        }

        foreach (var d in directories)
        {
            _linkedDirectories.TryAdd(d, 0);
        }
    }

    /// <summary>
    /// The first <see cref="SmallObjectSize"/> bytes are held in memory. An object that ends within them is
    /// written to its temporary file at commit, through the page cache; a larger one continues into a file written with
    /// O_DIRECT (<see cref="DirectFileWriter"/>), or, where the file system has no O_DIRECT, through the page cache with
    /// early write-back (<see cref="WritebackStarter"/>).
    /// </summary>
    private sealed class Write(FileSystemBlobStore store, string key, string temporaryPath, string finalPath, List<string> unlinkedDirectories, bool hashed)
        : BlobWriteBase(key, hashed)
    {
        private readonly WritebackStarter _writeback = new();
        private byte[]? _head = System.Buffers.ArrayPool<byte>.Shared.Rent(SmallObjectSize);
        private int _headLength;
        private DirectFileWriter? _direct;
        private FileStream? _file;

        protected override async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_head is not null)
            {
                if (_headLength + data.Length <= SmallObjectSize)
                {
                    data.Span.CopyTo(_head.AsSpan(_headLength));
                    _headLength += data.Length;
                    return;
                }

                // A large object: its file is created now and gets the held bytes first.
                var head = _head.AsMemory(0, _headLength);
                _direct = store._directRefused ? null : DirectFileWriter.TryCreate(temporaryPath);
                if (_direct is null)
                {
                    // This file system refuses O_DIRECT: the store stops asking.
                    store._directRefused = true;
                    _file = CreateBuffered();
                }

                await WriteOnAsync(head, 0, cancellationToken).ConfigureAwait(false);
                ReleaseHead();
            }

            await WriteOnAsync(data, BytesWritten, cancellationToken).ConfigureAwait(false);
        }

        private async ValueTask WriteOnAsync(ReadOnlyMemory<byte> data, long writtenBefore, CancellationToken cancellationToken)
        {
            if (_direct is not null)
            {
                await _direct.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                return;
            }

            _file!.Write(data.Span);
            // The disk writes what has arrived while the rest streams in (the commit's fsync then waits for the tail only).
            _writeback.Advance(_file, writtenBefore + data.Length);
        }

        private FileStream CreateBuffered() =>
            // Synchronous I/O: a write lands in the page cache in microseconds, while FileOptions.Asynchronous would make
            // every write a thread-pool hop on Linux. Only the fsyncs of the commit block, and they run on the pool.
            new(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, WriteBufferSize, FileOptions.None);

        private void ReleaseHead()
        {
            if (_head is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_head);
                _head = null;
            }
        }

        /// <summary>Everything written lies in the file (a small object's bytes written now), not yet durable.</summary>
        private async Task WriteOutAsync(CancellationToken cancellationToken)
        {
            if (_head is not null)
            {
                _file = CreateBuffered();
                _file.Write(_head.AsSpan(0, _headLength));
                ReleaseHead();
            }

            if (_direct is not null)
            {
                await _direct.CompleteAsync(BytesWritten, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _file!.Flush();
            }
        }

        private void FlushToDisk()
        {
            if (_direct is not null)
            {
                _direct.FlushToDisk();
            }
            else
            {
                _file!.Flush(flushToDisk: true);
            }
        }

        private async ValueTask CloseAsync()
        {
            ReleaseHead();
            if (_direct is not null)
            {
                await _direct.DisposeAsync().ConfigureAwait(false);
            }

            if (_file is not null)
            {
                await _file.DisposeAsync().ConfigureAwait(false);
            }
        }

        // On the thread pool: a replicated write starts every site's commit before awaiting any, so the sites sync side by side.
        protected override Task CommitCoreAsync(string sha256, CancellationToken cancellationToken) =>
            OperatingSystem.IsWindows()
                ? Task.Run(CommitSyncedThenRenamed, CancellationToken.None)
                : Task.Run(CommitRenamedThenSyncedAsync, CancellationToken.None);

        // Inline: without fsyncs a small object's commit is a write(2) and a rename, microseconds.
        protected override async Task CommitDeferredCoreAsync(string sha256, CancellationToken cancellationToken)
        {
            if (!store.DefersSync)
            {
                await CommitCoreAsync(sha256, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                await WriteOutAsync(CancellationToken.None).ConfigureAwait(false);
                File.Move(temporaryPath, finalPath, overwrite: true);
            }
            finally
            {
                await CloseAsync().ConfigureAwait(false);
            }

            store._unsynced.Enqueue((finalPath, unlinkedDirectories));
        }

        protected override async Task AbortCoreAsync()
        {
            var created = _direct is not null || _file is not null;
            await CloseAsync().ConfigureAwait(false);
            if (created)
            {
                File.Delete(temporaryPath);
            }
        }

        /// <summary>
        /// Every byte is written before commit starts, so renaming first exposes the complete bytes at the key; then the
        /// file and the directory entry are fsynced side by side (one journal commit instead of two in a row), and the
        /// commit returns only once both are durable. A key never shows partial content while its writer is writing, but
        /// a crash mid-commit can leave a torn file at a key whose commit never returned: such a key is not stored (the
        /// scrubber reports it when nothing refers to it), and whatever checks a key after a crash must compare its
        /// length and SHA-256, not only that it exists.
        /// </summary>
        private async Task CommitRenamedThenSyncedAsync()
        {
            try
            {
                await WriteOutAsync(CancellationToken.None).ConfigureAwait(false);
                File.Move(temporaryPath, finalPath, overwrite: true);
                var directories = Task.Run(SyncDirectories, CancellationToken.None);
                Exception? failure = null;
                try
                {
                    FlushToDisk();
                }
                catch (Exception e)
                {
                    failure = e;
                }

                try
                {
                    await directories.ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    failure ??= e;
                }

                if (failure is IOException)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }
                else if (failure is not null)
                {
                    throw new IOException($"The commit of '{finalPath}' could not be made durable: {failure.Message}", failure);
                }
            }
            finally
            {
                await CloseAsync().ConfigureAwait(false);
            }

            store.MarkLinked(unlinkedDirectories);
        }

        // Windows cannot rename a file this process holds open without sharing delete; NTFS journals the rename.
        private async Task CommitSyncedThenRenamed()
        {
            try
            {
                await WriteOutAsync(CancellationToken.None).ConfigureAwait(false);
                FlushToDisk();
            }
            finally
            {
                await CloseAsync().ConfigureAwait(false);
            }

            File.Move(temporaryPath, finalPath, overwrite: true);
            store.MarkLinked(unlinkedDirectories);
        }

        private void SyncDirectories()
        {
            DirectorySync.Flush(Path.GetDirectoryName(finalPath)!);
            foreach (var directory in unlinkedDirectories)
            {
                DirectorySync.Flush(Path.GetDirectoryName(directory)!);
            }
        }
    }
}
