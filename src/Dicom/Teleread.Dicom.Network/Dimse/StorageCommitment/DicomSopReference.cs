namespace Teleread.Dicom.Network;

/// <summary>A SOP instance named by its class and instance UIDs, as in a Referenced SOP Sequence item (0008,1150)/(0008,1155).</summary>
public sealed record DicomSopReference(string SopClassUid, string SopInstanceUid)
{
    public override string ToString() => SopInstanceUid;
}
