using Teleread.Archive.S3;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>A file-system site and an S3 site configured together, as production runs them.</summary>
[Collection(StorageCollection.Name)]
public sealed class FileSystemAndS3ReplicationTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task Configured_file_system_and_s3_sites_replicate_serve_and_repair_a_corrupted_s3_copy()
    {
        using var directory = new TemporaryDirectory();
        var west = s3rver.Site("west");
        var options = new StorageOptions
        {
            Sites = [new BlobSiteOptions { Name = "east", Kind = BlobSiteKind.FileSystem, Path = directory.Path }, west],
            PreferredReadSite = "west",
        };
        var store = ReplicatedBlobStore.Create(options, new S3BlobSiteFactory());
        var bytes = GeneratedStream.Bytes(6_000_000, 9);

        var commit = await store.PutAsync("studies/9/instance", bytes);
        await s3rver.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = "west",
            Key = west.KeyPrefix + "studies/9/instance",
            ContentBody = "not the instance",
            UseChunkEncoding = false,
        });

        await using (var stream = await store.OpenReadAsync(commit.ToExpectation()))
        {
            Assert.Equal(commit.Sha256, await StorageTestHelpers.Sha256Async(stream));
        }

        var report = await new BlobScrubber(store.Sites).ScrubAsync(new[] { commit.ToExpectation() }.ToAsyncEnumerable());

        Assert.Equal(1, report.Corrupted);
        Assert.Equal(1, report.Repaired);
        Assert.Equal(BlobCopyState.Good, await BlobVerifier.CheckAsync(store.Sites[1], commit.ToExpectation()));
    }
}
