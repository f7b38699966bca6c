using Teleread.Archive.Storage;

namespace Teleread.Archive.SiteReplication;

/// <summary>
/// One copy still to be made: the object under <see cref="BlobKey"/> (of the instance <see cref="SopInstanceUid"/> of
/// <see cref="ClinicId"/>) must be written to <see cref="Site"/>, and how the attempts went so far.
/// </summary>
public sealed record ReplicationQueueItem(
    string BlobKey,
    string Site,
    string ClinicId,
    string SopInstanceUid,
    long Length,
    string Sha256,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt)
{
    public BlobExpectation ToExpectation() => new(BlobKey, Length, Sha256);
}
