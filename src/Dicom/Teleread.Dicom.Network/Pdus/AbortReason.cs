namespace Teleread.Dicom.Network.Pdus;

/// <summary>A-ABORT PDU reason/diag field (PS3.8 Table 9-26); meaningful when the source is the service provider.</summary>
public enum AbortReason : byte
{
    ReasonNotSpecified = 0,
    UnrecognizedPdu = 1,
    UnexpectedPdu = 2,
    UnrecognizedPduParameter = 4,
    UnexpectedPduParameter = 5,
    InvalidPduParameterValue = 6,
}
