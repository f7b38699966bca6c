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
}
