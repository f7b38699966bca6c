using Amazon.S3.Model;
using Teleread.Archive.S3;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

[Collection(StorageCollection.Name)]
public sealed class S3BlobStoreTests(S3rverFixture s3rver) : BlobStoreContract, IClassFixture<S3rverFixture>
{
    protected override IBlobStore CreateStore() => s3rver.CreateStore();

    [Fact]
    public async Task Object_larger_than_a_part_is_stored_as_exactly_the_written_bytes()
    {
        var store = s3rver.CreateStore();
        var bytes = GeneratedStream.Bytes(store.PartSizeBytes * 2 + 12345, 5);

        await store.PutAsync("multipart/object", bytes);

        var raw = await s3rver.Client.GetObjectAsync(store.Bucket, store.KeyPrefix + "multipart/object");
        using var copy = new MemoryStream();
        await raw.ResponseStream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Small_object_is_stored_without_chunk_framing()
    {
        var store = s3rver.CreateStore();
        var bytes = GeneratedStream.Bytes(70_000, 6);

        await store.PutAsync("single/object", bytes);

        var metadata = await s3rver.Client.GetObjectMetadataAsync(store.Bucket, store.KeyPrefix + "single/object");
        Assert.Equal(bytes.Length, metadata.ContentLength);
    }

    [Fact]
    public async Task Aborting_a_multipart_write_asks_the_service_to_abort_the_upload()
    {
        using var client = new RecordingS3Client(s3rver.Site("east"));
        var site = s3rver.Site("east");
        using var store = new S3BlobStore(client, site.Bucket!, "east", site.KeyPrefix, site.PartSizeBytes);
        await using (var write = await store.BeginWriteAsync("abandoned/multipart"))
        {
            await write.WriteAsync(GeneratedStream.Bytes(store.PartSizeBytes + 10));
            Assert.Empty(client.AbortedUploads);
        }

        Assert.Equal(site.KeyPrefix + "abandoned/multipart", Assert.Single(client.AbortedUploads));
        Assert.False(await store.ExistsAsync("abandoned/multipart"));
    }
}
