using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>The called AE answered the A-ASSOCIATE-RQ with A-ASSOCIATE-RJ.</summary>
public sealed class DicomAssociationRejectedException(AssociateRejectResult result, AssociateRejectSource source, AssociateRejectReason reason)
    : Exception($"Association rejected: {result}, source {source}, reason {(byte)reason}.")
{
    public AssociateRejectResult RejectResult { get; } = result;

    public AssociateRejectSource RejectSource { get; } = source;

    public AssociateRejectReason RejectReason { get; } = reason;
}
