namespace Teleread.Dicom.Network;

/// <summary>
/// One response of a C-MOVE or C-GET: pending with the sub-operation counts so far, or the final
/// status. A move handler yields these; an SCU receives them.
/// </summary>
public sealed record DicomOperationProgress(DicomStatus Status, DicomSubOperations Counts);
