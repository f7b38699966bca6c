using Teleread.Archive.Storage;

namespace Teleread.Archive.Index;

/// <summary>Where an indexed instance's bytes are and how to verify them (<see cref="BlobXxh3"/>: null for instances indexed before it was recorded).</summary>
public sealed record StoredInstance(
    string ClinicId,
    string StudyUid,
    string SeriesUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string InstanceNumber,
    int NumberOfFrames,
    int Rows,
    int Columns,
    string BlobKey,
    long BlobLength,
    string BlobSha256,
    string? BlobXxh3 = null)
{
    public BlobExpectation ToExpectation() => new(BlobKey, BlobLength, BlobSha256) { Xxh3 = BlobXxh3 };
}
