namespace Teleread.Dicom.Network.Items;

/// <summary>Result/Reason field of a Presentation Context Item (AC) (PS3.8 Table 9-18).</summary>
public enum PresentationContextResult : byte
{
    Acceptance = 0,
    UserRejection = 1,
    NoReason = 2,
    AbstractSyntaxNotSupported = 3,
    TransferSyntaxesNotSupported = 4,
}
