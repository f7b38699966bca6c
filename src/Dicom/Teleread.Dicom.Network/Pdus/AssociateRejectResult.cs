namespace Teleread.Dicom.Network.Pdus;

/// <summary>Result field of the A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21).</summary>
public enum AssociateRejectResult : byte
{
    RejectedPermanent = 1,
    RejectedTransient = 2,
}
