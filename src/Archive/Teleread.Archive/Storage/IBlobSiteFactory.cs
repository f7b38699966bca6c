namespace Teleread.Archive.Storage;

/// <summary>Builds the store for one kind of site; S3 lives in Teleread.Archive.S3 and plugs in here.</summary>
public interface IBlobSiteFactory
{
    BlobSiteKind Kind { get; }

    IBlobStore Create(BlobSiteOptions site);
}
