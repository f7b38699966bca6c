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
    public async Task Uncommitted_bytes_of_a_small_object_stay_in_memory_and_a_large_object_s_go_to_a_hidden_temporary_file_beside_the_key()
    {
        var store = (FileSystemBlobStore)CreateStore();
        await using var small = await store.BeginWriteAsync("dir/small");
        await small.WriteAsync(GeneratedStream.Bytes(100));
        await using var large = await store.BeginWriteAsync("dir/object");
        await large.WriteAsync(GeneratedStream.Bytes(300_000));

        var files = Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Select(Path.GetFileName).ToArray();

        var temporary = Assert.Single(files);
        Assert.StartsWith(".object.", temporary);
        Assert.Empty(await store.ListKeysAsync(""));
    }

    [Fact]
    public async Task A_large_object_is_written_with_O_DIRECT_where_the_file_system_allows_it()
    {
        Assert.True(OperatingSystem.IsLinux(), "The test reads /proc: Linux only.");
        var store = (FileSystemBlobStore)CreateStore();
        await using var write = await store.BeginWriteAsync("dir/direct");
        await write.WriteAsync(GeneratedStream.Bytes(600_000));
        var temporary = Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Single();

        // The open descriptor on the temporary file, and its open flags (octal) from /proc/self/fdinfo.
        var descriptor = new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Single(fd => { try { return fd.LinkTarget == temporary; } catch (IOException) { return false; } });
        var flags = File.ReadAllLines($"/proc/self/fdinfo/{descriptor.Name}").Single(l => l.StartsWith("flags:", StringComparison.Ordinal));
        var direct = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? 0x10000 : 0x4000;

        Assert.NotEqual(0, Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & direct);
    }

    [Theory]
    [InlineData(64 * 1024, 8192)]
    [InlineData(64 * 1024 + 1, 8192)]
    [InlineData(256 * 1024, 131072)]
    [InlineData(256 * 1024 + 1, 131072)]
    [InlineData(512 * 1024 + 4095, 100_003)]
    [InlineData(3 * 1024 * 1024 + 17, 1_000_000)]
    [InlineData(200 * 1024, 65536)]
    [InlineData(525_000, 16384)]
    public async Task Objects_around_the_buffer_and_block_sizes_come_back_byte_for_byte_at_their_length(int length, int chunk)
    {
        var store = (FileSystemBlobStore)CreateStore();
        var bytes = GeneratedStream.Bytes(length, (ulong)length);
        await using (var write = await store.BeginWriteAsync("sizes/object"))
        {
            for (var at = 0; at < length; at += chunk)
            {
                await write.WriteAsync(bytes.AsMemory(at, Math.Min(chunk, length - at)));
            }

            var commit = await write.CommitAsync();
            Assert.Equal(length, commit.Length);
        }

        Assert.Equal(length, new FileInfo(Path.Combine(store.RootDirectory, "sizes", "object")).Length);
        Assert.Equal(bytes, await store.ReadAllAsync("sizes/object"));
        Assert.Equal(["object"], Directory.GetFiles(Path.Combine(store.RootDirectory, "sizes")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task On_a_file_system_without_O_DIRECT_large_objects_go_through_the_page_cache()
    {
        Assert.True(Directory.Exists("/dev/shm"), "The test needs tmpfs at /dev/shm (Linux), which refuses O_DIRECT.");
        var root = Path.Combine("/dev/shm", $"teleread-tmpfs-{Guid.NewGuid():N}");
        try
        {
            var store = new FileSystemBlobStore(root);
            var bytes = GeneratedStream.Bytes(700_001, 9);
            await store.PutAsync("tmpfs/large", bytes);
            await store.PutAsync("tmpfs/again", bytes);

            Assert.Equal(bytes, await store.ReadAllAsync("tmpfs/large"));
            Assert.Equal(bytes, await store.ReadAllAsync("tmpfs/again"));
            Assert.Equal(["again", "large"], Directory.GetFiles(Path.Combine(root, "tmpfs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Opening_a_store_probes_O_DIRECT_and_leaves_nothing_behind()
    {
        Assert.True(Directory.Exists("/dev/shm"), "The test needs tmpfs at /dev/shm (Linux), which refuses O_DIRECT.");
        var disk = Path.Combine(_directory.Path, "probe");
        var tmpfs = Path.Combine("/dev/shm", $"teleread-probe-{Guid.NewGuid():N}");
        try
        {
            _ = new FileSystemBlobStore(disk);
            _ = new FileSystemBlobStore(tmpfs);

            Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
            Assert.Empty(Directory.EnumerateFileSystemEntries(tmpfs));
        }
        finally
        {
            Directory.Delete(tmpfs, recursive: true);
        }
    }

    [Fact]
    public async Task An_aborted_large_write_leaves_no_file()
    {
        var store = (FileSystemBlobStore)CreateStore();
        await using (var write = await store.BeginWriteAsync("dir/aborted"))
        {
            await write.WriteAsync(GeneratedStream.Bytes(1_000_000));
            await write.AbortAsync();
        }

        await using (var disposed = await store.BeginWriteAsync("dir/disposed"))
        {
            await disposed.WriteAsync(GeneratedStream.Bytes(700_000));
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")));
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
        await first.WriteAsync(GeneratedStream.Bytes(100_000, 1));
        await second.WriteAsync(GeneratedStream.Bytes(200_000, 2));

        var temporaries = Directory.GetFiles(Path.Combine(store.RootDirectory, "dir")).Select(Path.GetFileName).ToArray();
        Assert.Equal(2, temporaries.Length);
        Assert.All(temporaries, t => Assert.Matches(@"^\.same\.\d+-[0-9a-f]{8}\.\d+\.tmp$", t));

        await first.CommitAsync();
        await second.CommitAsync();

        Assert.Equal(GeneratedStream.Bytes(200_000, 2), await store.ReadAllAsync("dir/same"));
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

    [Theory]
    [InlineData(3_000)]
    [InlineData(300_000)]
    public async Task A_deferred_commit_puts_every_byte_at_the_key_at_once_and_a_later_sync_keeps_it_there(int size)
    {
        var store = (FileSystemBlobStore)CreateStore();
        var bytes = GeneratedStream.Bytes(size);
        await using var write = await store.BeginWriteAsync("new/day/deferred.dcm");
        await write.WriteAsync(bytes);

        var commit = await write.CommitDeferredAsync();

        Assert.True(store.DefersSync);
        Assert.Equal(size, commit.Length);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.RootDirectory, "new", "day", "deferred.dcm")));
        Assert.Single(Directory.EnumerateFiles(store.RootDirectory, "*", SearchOption.AllDirectories));
        await store.SyncDeferredAsync();
        await store.SyncDeferredAsync();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.RootDirectory, "new", "day", "deferred.dcm")));
    }

    [Fact]
    public async Task A_sync_after_a_deferred_object_was_deleted_skips_it()
    {
        var store = (FileSystemBlobStore)CreateStore();
        foreach (var key in new[] { "a/gone.dcm", "a/kept.dcm" })
        {
            await using var write = await store.BeginWriteAsync(key);
            await write.WriteAsync(GeneratedStream.Bytes(100));
            await write.CommitDeferredAsync();
        }

        await store.DeleteAsync("a/gone.dcm");
        await store.SyncDeferredAsync();

        Assert.False(await store.ExistsAsync("a/gone.dcm"));
        Assert.True(await store.ExistsAsync("a/kept.dcm"));
    }

    [Fact]
    public async Task Two_file_sites_commit_deferred_on_both_and_sync_both()
    {
        var (east, west) = ((FileSystemBlobStore)CreateStore(), (FileSystemBlobStore)CreateStore());
        var store = new ReplicatedBlobStore([east, west]);
        var bytes = GeneratedStream.Bytes(5_000);
        await using (var write = await store.BeginWriteAsync("x/y.dcm"))
        {
            await write.WriteAsync(bytes);
            await write.CommitDeferredAsync();
        }

        await store.SyncDeferredAsync();

        Assert.True(store.DefersSync);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(east.RootDirectory, "x", "y.dcm")));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(west.RootDirectory, "x", "y.dcm")));
        Assert.False(new ReplicatedBlobStore([new InMemoryBlobStore()]).DefersSync);
    }
}
