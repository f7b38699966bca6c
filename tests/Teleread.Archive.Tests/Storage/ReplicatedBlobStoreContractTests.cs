using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>The replicated store is itself an <see cref="IBlobStore"/> and keeps the whole contract.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReplicatedBlobStoreContractTests : BlobStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    protected override IBlobStore CreateStore()
    {
        var n = Interlocked.Increment(ref _stores);
        return new ReplicatedBlobStore(
        [
            new FileSystemBlobStore(Path.Combine(_directory.Path, $"east{n}"), "east"),
            new FileSystemBlobStore(Path.Combine(_directory.Path, $"west{n}"), "west"),
        ]);
    }

    protected override Task AssertNoPartialDataAsync(IBlobStore store)
    {
        foreach (var site in ((ReplicatedBlobStore)store).Sites.Cast<FileSystemBlobStore>())
        {
            Assert.Empty(Directory.EnumerateFiles(site.RootDirectory, "*", SearchOption.AllDirectories));
        }

        return Task.CompletedTask;
    }
}
