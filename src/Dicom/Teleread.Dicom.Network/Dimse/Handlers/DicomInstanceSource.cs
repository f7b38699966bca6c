namespace Teleread.Dicom.Network;

/// <summary>An instance to send as a C-STORE sub-operation (C-GET): opened only when its turn comes, so none is held in memory.</summary>
public sealed record DicomInstanceSource(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, Func<CancellationToken, ValueTask<Stream>> OpenAsync);
