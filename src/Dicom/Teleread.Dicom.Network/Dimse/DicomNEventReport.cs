namespace Teleread.Dicom.Network;

/// <summary>An N-EVENT-REPORT received by the association requestor (e.g. a Storage Commitment result).</summary>
public sealed record DicomNEventReport(string SopClassUid, string SopInstanceUid, ushort EventTypeId, DicomDataset? EventInformation);
