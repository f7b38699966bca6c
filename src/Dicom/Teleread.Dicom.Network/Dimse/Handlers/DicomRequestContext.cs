namespace Teleread.Dicom.Network;

/// <summary>Where a DIMSE request came from: the association, the presentation context it used and its command set.</summary>
public sealed record DicomRequestContext(DicomAssociation Association, DicomPresentationContext PresentationContext, DicomCommand Command)
{
    public string CallingAeTitle => Association.CallingAeTitle;

    public string CalledAeTitle => Association.CalledAeTitle;

    /// <summary>The transfer syntax of any data set on this context.</summary>
    public DicomTransferSyntax TransferSyntax => DicomTransferSyntax.Lookup(PresentationContext.TransferSyntax!);
}
