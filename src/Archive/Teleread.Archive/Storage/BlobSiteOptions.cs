namespace Teleread.Archive.Storage;

public enum BlobSiteKind
{
    FileSystem,
    S3,
    InMemory,
}

/// <summary>One storage site: a directory, or a bucket on an S3-compatible service.</summary>
public sealed class BlobSiteOptions
{
    public const int MinimumPartSizeBytes = 5 << 20;
    public const int MaximumPartSizeBytes = 512 << 20;

    public string Name { get; set; } = "";

    public BlobSiteKind Kind { get; set; } = BlobSiteKind.FileSystem;

    /// <summary>FileSystem: the root directory.</summary>
    public string? Path { get; set; }

    /// <summary>S3: the endpoint, e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:4568.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>S3: bucket in the path rather than the host name (needed by most S3-compatible servers).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>S3: prepended to every key, so several archives can share a bucket. Empty or ending with '/'.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>S3: objects larger than this are sent as a multipart upload in parts of this size (memory per write).</summary>
    public int PartSizeBytes { get; set; } = 8 << 20;

    internal IEnumerable<string> Validate(string path)
    {
        switch (Kind)
        {
            case BlobSiteKind.FileSystem when string.IsNullOrWhiteSpace(Path):
                yield return $"{path}:Path is required for a FileSystem site";
                break;
            case BlobSiteKind.S3:
                if (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    yield return $"{path}:ServiceUrl must be an absolute http(s) URL for an S3 site";
                }

                if (string.IsNullOrWhiteSpace(Bucket))
                {
                    yield return $"{path}:Bucket is required for an S3 site";
                }

                if (string.IsNullOrWhiteSpace(AccessKeyId) || string.IsNullOrWhiteSpace(SecretAccessKey))
                {
                    yield return $"{path}:AccessKeyId and SecretAccessKey are required for an S3 site";
                }

                if (KeyPrefix.Length > 0 && (!KeyPrefix.EndsWith('/') || !IsValidPrefix(KeyPrefix)))
                {
                    yield return $"{path}:KeyPrefix must be empty or a valid key ending with '/'";
                }

                if (PartSizeBytes is < MinimumPartSizeBytes or > MaximumPartSizeBytes)
                {
                    yield return $"{path}:PartSizeBytes must be between {MinimumPartSizeBytes} and {MaximumPartSizeBytes}";
                }

                break;
        }
    }

    private static bool IsValidPrefix(string prefix)
    {
        try
        {
            BlobKey.Validate(prefix[..^1]);
            return true;
        }
        catch (InvalidBlobKeyException)
        {
            return false;
        }
    }
}
