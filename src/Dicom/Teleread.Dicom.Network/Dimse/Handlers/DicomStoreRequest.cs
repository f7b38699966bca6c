namespace Teleread.Dicom.Network;

/// <summary>A C-STORE-RQ as a store handler sees it; the data set itself arrives as a stream beside it.</summary>
public sealed record DicomStoreRequest(DicomRequestContext Context)
{
    public string SopClassUid => Context.Command.AffectedSopClassUid ?? "";

    public string SopInstanceUid => Context.Command.AffectedSopInstanceUid ?? "";

    public DicomTransferSyntax TransferSyntax => Context.TransferSyntax;

    public DicomPriority Priority => Context.Command.Priority;

    /// <summary>Set when the store is a sub-operation of a C-MOVE (PS3.7 9.3.1.1).</summary>
    public string? MoveOriginatorAeTitle => Context.Command.MoveOriginatorAeTitle;

    public ushort? MoveOriginatorMessageId => Context.Command.MoveOriginatorMessageId;

    /// <summary>Why a store failed or warned, sent back as Error Comment (0000,0902), cut to the 64 characters LO holds.</summary>
    public string? ErrorComment { get; set; }
}
