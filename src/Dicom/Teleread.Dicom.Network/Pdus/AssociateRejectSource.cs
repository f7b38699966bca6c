namespace Teleread.Dicom.Network.Pdus;

/// <summary>Source field of the A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21).</summary>
public enum AssociateRejectSource : byte
{
    ServiceUser = 1,
    ServiceProviderAcse = 2,
    ServiceProviderPresentation = 3,
}
