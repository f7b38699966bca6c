namespace Teleread.Archive.Index;

/// <summary>Where an indexed instance's bytes are and how to verify them.</summary>
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
    string BlobSha256);
