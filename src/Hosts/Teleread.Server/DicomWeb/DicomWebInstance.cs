namespace Teleread.Server.DicomWeb;

/// <summary>One stored instance as the retrieve side names it; <see cref="StorageKey"/> is opaque to the endpoints.</summary>
public sealed record DicomWebInstance(
    string StudyUid,
    string SeriesUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string StorageKey);
