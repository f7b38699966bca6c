namespace Teleread.Dicom.Network;

/// <summary>An N-ACTION or N-EVENT-REPORT request with its optional data set (action or event information).</summary>
public sealed record DicomNRequest(DicomRequestContext Context, DicomDataset? DataSet)
{
    public string SopClassUid => Context.Command.RequestedSopClassUid ?? Context.Command.AffectedSopClassUid ?? "";

    public string SopInstanceUid => Context.Command.RequestedSopInstanceUid ?? Context.Command.AffectedSopInstanceUid ?? "";

    public ushort? ActionTypeId => Context.Command.ActionTypeId;

    public ushort? EventTypeId => Context.Command.EventTypeId;
}
