using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>The Result, Source and Reason of an A-ASSOCIATE-RJ (PS3.8 Table 9-21) that a validation hook decided on.</summary>
public sealed record DicomAssociationRejection(AssociateRejectResult Result, AssociateRejectSource Source, AssociateRejectReason Reason)
{
    public static DicomAssociationRejection CallingAeTitleNotRecognized { get; } =
        new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.CallingAeTitleNotRecognized);

    public static DicomAssociationRejection CalledAeTitleNotRecognized { get; } =
        new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.CalledAeTitleNotRecognized);

    public static DicomAssociationRejection NoReasonGiven { get; } =
        new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.UserNoReasonGiven);

    public static DicomAssociationRejection LocalLimitExceeded { get; } =
        new(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, AssociateRejectReason.LocalLimitExceeded);

    public AssociateRejectPdu ToPdu() => new(Result, Source, Reason);
}
