namespace Teleread.Dicom.Network;

/// <summary>
/// What an SCU proposes for one presentation context: an abstract syntax, the transfer syntaxes
/// it can use, and optionally an SCP/SCU role selection (e.g. SCP role for C-GET storage classes).
/// </summary>
public sealed record DicomPresentationContextProposal(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)
{
    public DicomPresentationContextProposal(string abstractSyntax, params string[] transferSyntaxes)
        : this(abstractSyntax, (IReadOnlyList<string>)transferSyntaxes)
    {
    }

    /// <summary>When set, an SCP/SCU Role Selection sub-item is proposed for the abstract syntax.</summary>
    public (bool Scu, bool Scp)? ProposedRoles { get; init; }
}
