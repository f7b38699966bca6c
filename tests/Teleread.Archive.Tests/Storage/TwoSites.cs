using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>Two file-system sites ("east", "west") behind fault switches, and the replicated store over them.</summary>
internal sealed class TwoSites : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TwoSites(long verifyBeforeServingMaxBytes = 64L << 20, ReplicationMode mode = ReplicationMode.Synchronous, string? primarySite = null, string preferredReadSite = "east")
    {
        EastFiles = new FileSystemBlobStore(System.IO.Path.Combine(_directory.Path, "east"), "east");
        WestFiles = new FileSystemBlobStore(System.IO.Path.Combine(_directory.Path, "west"), "west");
        East = new FaultyBlobStore(EastFiles);
        West = new FaultyBlobStore(WestFiles);
        Store = new ReplicatedBlobStore([East, West], preferredReadSite, verifyBeforeServingMaxBytes, mode, primarySite);
    }

    public FileSystemBlobStore EastFiles { get; }

    public FileSystemBlobStore WestFiles { get; }

    public FaultyBlobStore East { get; }

    public FaultyBlobStore West { get; }

    public ReplicatedBlobStore Store { get; }

    public static void FlipOneByte(FileSystemBlobStore site, string key, long offset = 0)
    {
        using var file = File.Open(System.IO.Path.Combine(site.RootDirectory, key), FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x01));
    }

    public static void WipeSite(FileSystemBlobStore site)
    {
        Directory.Delete(site.RootDirectory, recursive: true);
        Directory.CreateDirectory(site.RootDirectory);
    }

    public async Task<List<BlobCommit>> WriteInstancesAsync(int count, int size = 10_000)
    {
        var commits = new List<BlobCommit>();
        for (var i = 0; i < count; i++)
        {
            commits.Add(await Store.PutAsync($"studies/1.2.840.{i % 3}/instances/{i}.dcm", GeneratedStream.Bytes(size + i, (ulong)i + 11)));
        }

        return commits;
    }

    public void Dispose() => _directory.Dispose();
}
