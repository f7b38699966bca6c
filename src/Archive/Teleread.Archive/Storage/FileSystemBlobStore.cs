using System.Runtime.CompilerServices;

namespace Teleread.Archive.Storage;

/// <summary>
/// Objects as files under a root directory (the key is the relative path). A write goes to a hidden
/// temporary file in the target directory; commit fsyncs it, renames it over the key and fsyncs the directory.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 81920;
    private readonly string _root;

    public FileSystemBlobStore(string rootDirectory, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
        Name = name ?? _root;
    }

    public string Name { get; }

    public string RootDirectory => _root;

    public Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        var created = CreateDirectories(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        return Task.FromResult<IBlobWrite>(new Write(key, file, temporary, path, created));
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

    /// <summary>Creates missing directories; returns the parents whose entries changed (to fsync at commit).</summary>
    private List<string> CreateDirectories(string directory)
    {
        var changedParents = new List<string>();
        for (var d = directory; d.Length > _root.Length && !Directory.Exists(d); d = Path.GetDirectoryName(d)!)
        {
            changedParents.Add(Path.GetDirectoryName(d)!);
        }

        Directory.CreateDirectory(directory);
        return changedParents;
    }

    private sealed class Write(string key, FileStream file, string temporaryPath, string finalPath, List<string> changedParents)
        : BlobWriteBase(key)
    {
        protected override ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
            file.WriteAsync(data, cancellationToken);

        protected override async Task CommitCoreAsync(string sha256, CancellationToken cancellationToken)
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            // fsync blocks; on the thread pool the sites of a replicated write sync side by side instead of one after the other.
            await Task.Run(() =>
            {
                file.Flush(flushToDisk: true);
                file.Dispose();
                File.Move(temporaryPath, finalPath, overwrite: true);
                DirectorySync.Flush(Path.GetDirectoryName(finalPath)!);
                foreach (var parent in changedParents)
                {
                    DirectorySync.Flush(parent);
                }
            }, CancellationToken.None).ConfigureAwait(false);
        }

        protected override async Task AbortCoreAsync()
        {
            await file.DisposeAsync().ConfigureAwait(false);
            File.Delete(temporaryPath);
        }
    }
}
