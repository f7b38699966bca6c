namespace Teleread.Dicom.Network;

/// <summary>
/// A storage commitment request that produced no usable answer: the N-ACTION was refused, the SCP role was not
/// granted, no N-EVENT-REPORT came in time, or the report does not belong to the request.
/// </summary>
public sealed class DicomStorageCommitmentException(string message, Exception? innerException = null) : Exception(message, innerException);
