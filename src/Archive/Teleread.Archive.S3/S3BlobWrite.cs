using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Teleread.Archive.Storage;

namespace Teleread.Archive.S3;

/// <summary>
/// Fills one part buffer; the first full buffer starts a multipart upload, so memory stays at one part.
/// Chunk encoding is off: S3-compatible servers may store the aws-chunked framing as object bytes.
/// </summary>
internal sealed class S3BlobWrite(S3BlobStore store, IAmazonS3 client, string key, string objectKey, bool hashed) : BlobWriteBase(key, hashed)
{
    private readonly List<PartETag> _parts = [];
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(store.PartSizeBytes);
    private int _filled;
    private string? _uploadId;

    protected override async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, store.PartSizeBytes - _filled);
            data.Span[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            data = data[take..];
            if (_filled == store.PartSizeBytes)
            {
                await UploadPartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override async Task CommitCoreAsync(string sha256, CancellationToken cancellationToken)
    {
        if (_uploadId is null)
        {
            using var content = new MemoryStream(_buffer!, 0, _filled, writable: false);
            await client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = store.Bucket,
                    Key = objectKey,
                    InputStream = content,
                    AutoCloseStream = false,
                    UseChunkEncoding = false,
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_filled > 0)
            {
                await UploadPartAsync(cancellationToken).ConfigureAwait(false);
            }

            await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest
                {
                    BucketName = store.Bucket,
                    Key = objectKey,
                    UploadId = _uploadId,
                    PartETags = _parts,
                },
                cancellationToken).ConfigureAwait(false);
            _uploadId = null;
        }

        ReturnBuffer();
    }

    protected override async Task AbortCoreAsync()
    {
        ReturnBuffer();
        if (_uploadId is { } uploadId)
        {
            _uploadId = null;
            try
            {
                await client.AbortMultipartUploadAsync(
                    new AbortMultipartUploadRequest { BucketName = store.Bucket, Key = objectKey, UploadId = uploadId }).ConfigureAwait(false);
            }
            catch (AmazonS3Exception)
            {
                // Nothing is visible under the key either way; a bucket lifecycle rule
                // (AbortIncompleteMultipartUpload) expires uploads the service did not let us abort.
            }
        }
    }

    private async Task UploadPartAsync(CancellationToken cancellationToken)
    {
        _uploadId ??= (await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = store.Bucket, Key = objectKey },
            cancellationToken).ConfigureAwait(false)).UploadId;

        var partNumber = _parts.Count + 1;
        using var content = new MemoryStream(_buffer!, 0, _filled, writable: false);
        var response = await client.UploadPartAsync(
            new UploadPartRequest
            {
                BucketName = store.Bucket,
                Key = objectKey,
                UploadId = _uploadId,
                PartNumber = partNumber,
                InputStream = content,
                PartSize = _filled,
                UseChunkEncoding = false,
            },
            cancellationToken).ConfigureAwait(false);
        _parts.Add(new PartETag(partNumber, response.ETag));
        _filled = 0;
    }

    private void ReturnBuffer()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
