namespace Teleread.Server.DicomWeb;

/// <summary>One stored instance as the retrieve side names it; <see cref="StorageKey"/> is opaque to the endpoints, <see cref="Length"/> its stored size in bytes (0 when unknown).</summary>
public sealed record DicomWebInstance(
    string StudyUid,
    string SeriesUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string StorageKey,
    long Length = 0);
