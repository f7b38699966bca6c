using Amazon.Runtime;
using Amazon.S3;
using Teleread.Archive.Storage;

namespace Teleread.Archive.S3;

/// <summary>Builds an <see cref="S3BlobStore"/> (and its client) for an S3 site of <see cref="StorageOptions"/>.</summary>
public sealed class S3BlobSiteFactory : IBlobSiteFactory
{
    public BlobSiteKind Kind => BlobSiteKind.S3;

    public static AmazonS3Client CreateClient(BlobSiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var config = new AmazonS3Config
        {
            ServiceURL = site.ServiceUrl,
            AuthenticationRegion = site.Region,
            ForcePathStyle = site.ForcePathStyle,

            // Flexible checksums are recent AWS features; S3-compatible servers reject or mangle them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(site.AccessKeyId, site.SecretAccessKey), config);
    }

    public IBlobStore Create(BlobSiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new S3BlobStore(CreateClient(site), site.Bucket!, site.Name, site.KeyPrefix, site.PartSizeBytes, ownsClient: true);
    }
}
