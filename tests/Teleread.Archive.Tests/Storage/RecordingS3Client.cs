using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Tests.Storage;

/// <summary>A real client that also records abort calls (s3rver does not implement AbortMultipartUpload).</summary>
internal sealed class RecordingS3Client(BlobSiteOptions site) : AmazonS3Client(
    new BasicAWSCredentials(site.AccessKeyId, site.SecretAccessKey),
    new AmazonS3Config
    {
        ServiceURL = site.ServiceUrl,
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    })
{
    public ConcurrentQueue<string> AbortedUploads { get; } = new();

    public override Task<AbortMultipartUploadResponse> AbortMultipartUploadAsync(AbortMultipartUploadRequest request, CancellationToken cancellationToken = default)
    {
        AbortedUploads.Enqueue(request.Key);
        return base.AbortMultipartUploadAsync(request, cancellationToken);
    }
}
