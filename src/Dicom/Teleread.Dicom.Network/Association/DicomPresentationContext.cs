using Teleread.Dicom.Network.Items;

namespace Teleread.Dicom.Network;

/// <summary>
/// A presentation context as negotiated: the abstract syntax proposed, the result, the transfer
/// syntax the acceptor chose and the roles of the association requestor (PS3.7 D.3.3.4; without
/// role selection the requestor is SCU only).
/// </summary>
public sealed record DicomPresentationContext(
    byte Id,
    string AbstractSyntax,
    PresentationContextResult Result,
    string? TransferSyntax,
    bool RequestorScuRole = true,
    bool RequestorScpRole = false)
{
    public bool IsAccepted => Result == PresentationContextResult.Acceptance && TransferSyntax is not null;
}
