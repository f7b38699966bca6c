using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>Outcome of negotiating an A-ASSOCIATE-RQ: exactly one of an accept or a reject PDU.</summary>
public sealed record DicomAssociationNegotiation(AssociateAcceptPdu? Accept, AssociateRejectPdu? Reject, IReadOnlyList<DicomPresentationContext> PresentationContexts)
{
    public static DicomAssociationNegotiation Rejected(DicomAssociationRejection rejection) => new(null, rejection.ToPdu(), []);
}
