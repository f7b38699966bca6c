using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Teleread.Archive.Storage;

namespace Teleread.Archive.S3;

/// <summary>
/// Objects in one bucket of an S3-compatible service. Small objects are one PutObject; larger ones a
/// multipart upload streamed in parts of <c>partSizeBytes</c>, which bounds the memory of a write.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;

    public S3BlobStore(IAmazonS3 client, string bucket, string name, string keyPrefix = "", int partSizeBytes = 8 << 20, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSizeBytes, BlobSiteOptions.MinimumPartSizeBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partSizeBytes, BlobSiteOptions.MaximumPartSizeBytes);
        _client = client;
        _ownsClient = ownsClient;
        Bucket = bucket;
        Name = name;
        KeyPrefix = keyPrefix;
        PartSizeBytes = partSizeBytes;
    }

    public string Name { get; }

    public string Bucket { get; }

    public string KeyPrefix { get; }

    public int PartSizeBytes { get; }

    public Task<IBlobWrite> BeginWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult<IBlobWrite>(new S3BlobWrite(this, _client, key, KeyPrefix + key, hashed: true));
    }

    public Task<IBlobWrite> BeginUnhashedWriteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        return Task.FromResult<IBlobWrite>(new S3BlobWrite(this, _client, key, KeyPrefix + key, hashed: false));
    }

    public async Task<Stream> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var request = new GetObjectRequest { BucketName = Bucket, Key = KeyPrefix + key };
        if (range is { } r)
        {
            // Resolve the range against the real size first: S3 answers 416 for an empty selection.
            var info = await GetInfoAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new BlobNotFoundException(Name, key);
            var length = r.ResolveLength(key, info.Length);
            if (length == 0)
            {
                return new MemoryStream([], writable: false);
            }

            request.ByteRange = new ByteRange(r.Offset, r.Offset + length - 1);
        }

        try
        {
            var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new BlobNotFoundException(Name, key);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        await GetInfoAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        try
        {
            var metadata = await _client.GetObjectMetadataAsync(Bucket, KeyPrefix + key, cancellationToken).ConfigureAwait(false);
            return new BlobInfo(key, metadata.ContentLength, ToOffset(metadata.LastModified));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        await _client.DeleteObjectAsync(Bucket, KeyPrefix + key, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = KeyPrefix + prefix };
        const int MaxPages = 1_000_000;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var entry in response.S3Objects ?? [])
            {
                var key = entry.Key[KeyPrefix.Length..];
                if (key.Length > 0 && !key.EndsWith('/'))
                {
                    yield return new BlobInfo(key, entry.Size ?? 0, ToOffset(entry.LastModified));
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static DateTimeOffset ToOffset(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
}
