namespace Teleread.Dicom.Network;

/// <summary>The answer to an N-service request: a status and an optional reply data set.</summary>
public sealed record DicomNResult(DicomStatus Status, DicomDataset? DataSet = null);
