using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

[Collection(StorageCollection.Name)]
public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    protected override IBlobStore CreateStore() =>
        new FileSystemBlobStore(Path.Combine(_directory.Path, $"store{Interlocked.Increment(ref _stores)}"));

    protected override Task AssertNoPartialDataAsync(IBlobStore store)
    {
        var root = ((FileSystemBlobStore)store).RootDirectory;
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Object_is_a_file_at_its_key_path()
    {
        var store = (FileSystemBlobStore)CreateStore();
        var bytes = GeneratedStream.Bytes(4096);

        await store.PutAsync("studies/1.2/instance", bytes);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.RootDirectory, "studies", "1.2", "instance")));
    }

    [Fact]
    public async Task Uncommitted_bytes_live_only_in_a_hidden_temporary_file_beside_the_key()
    {
        var store = (FileSystemBlobStore)CreateStore();
        await using var write = await store.BeginWriteAsync("dir/object");
        await write.WriteAsync(GeneratedStream.Bytes(100));

        var files = Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Select(Path.GetFileName).ToArray();

        var temporary = Assert.Single(files);
        Assert.StartsWith(".object.", temporary);
        Assert.Empty(await store.ListKeysAsync(""));
    }

    [Fact]
    public async Task Reading_an_object_that_is_being_replaced_sees_one_whole_version()
    {
        var store = (FileSystemBlobStore)CreateStore();
        var first = GeneratedStream.Bytes(100_000, 1);
        var second = GeneratedStream.Bytes(100_000, 2);
        await store.PutAsync("versioned", first);

        await using var reader = await store.OpenReadAsync("versioned");
        await store.PutAsync("versioned", second);
        using var copy = new MemoryStream();
        await reader.CopyToAsync(copy);

        Assert.Equal(first, copy.ToArray());
        Assert.Equal(second, await store.ReadAllAsync("versioned"));
    }
    [Fact]
    public async Task Concurrent_writes_into_one_new_directory_all_commit_and_leave_no_temporary_files()
    {
        var store = (FileSystemBlobStore)CreateStore();
        var objects = Enumerable.Range(0, 16).Select(i => ($"new/day/{i}.dcm", GeneratedStream.Bytes(1300 + i, (ulong)i + 1))).ToList();
        var writes = await Task.WhenAll(objects.Select(o => store.BeginWriteAsync(o.Item1)));
        try
        {
            await Task.WhenAll(writes.Select((w, i) => w.WriteAsync(objects[i].Item2).AsTask()));
            await Task.WhenAll(writes.Select(w => w.CommitAsync()));
        }
        finally
        {
            foreach (var w in writes)
            {
                await w.DisposeAsync();
            }
        }

        foreach (var (key, bytes) in objects)
        {
            Assert.Equal(bytes, await store.ReadAllAsync(key));
        }

        var files = Directory.GetFiles(Path.Combine(store.RootDirectory, "new", "day")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(objects.Select(o => Path.GetFileName(o.Item1)).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public async Task Open_writes_of_one_key_use_distinct_temporary_files_and_the_last_commit_wins()
    {
        var store = (FileSystemBlobStore)CreateStore();
        await using var first = await store.BeginWriteAsync("dir/same");
        await using var second = await store.BeginWriteAsync("dir/same");
        await first.WriteAsync(GeneratedStream.Bytes(100, 1));
        await second.WriteAsync(GeneratedStream.Bytes(200, 2));

        var temporaries = Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Select(Path.GetFileName).ToArray();
        Assert.Equal(2, temporaries.Length);
        Assert.All(temporaries, t => Assert.Matches(@"^\.same\.\d+-[0-9a-f]{8}\.\d+\.tmp$", t));

        await first.CommitAsync();
        await second.CommitAsync();

        Assert.Equal(GeneratedStream.Bytes(200, 2), await store.ReadAllAsync("dir/same"));
        Assert.Equal(["same"], Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_directory_removed_behind_the_store_is_created_again()
    {
        var store = (FileSystemBlobStore)CreateStore();
        await store.PutAsync("gone/soon/a", GeneratedStream.Bytes(10));
        Directory.Delete(Path.Combine(store.RootDirectory, "gone"), recursive: true);

        await store.PutAsync("gone/soon/b", GeneratedStream.Bytes(20));

        Assert.Equal(["gone/soon/b"], await store.ListKeysAsync(""));
    }

    [Fact]
    public async Task Small_and_chunked_writes_of_one_object_read_back_whole()
    {
        var store = (FileSystemBlobStore)CreateStore();
        var header = GeneratedStream.Bytes(200, 7);
        var body = GeneratedStream.Bytes(512 * 1024 + 13, 8);
        await using var write = await store.BeginWriteAsync("ct/slice");
        await write.WriteAsync(header);
        for (var offset = 0; offset < body.Length; offset += 128 * 1024)
        {
            await write.WriteAsync(body.AsMemory(offset, Math.Min(128 * 1024, body.Length - offset)));
        }

        var commit = await write.CommitAsync();

        byte[] expected = [.. header, .. body];
        Assert.Equal(StorageTestHelpers.Sha256(expected), commit.Sha256);
        Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(store.RootDirectory, "ct", "slice")));
    }
}
