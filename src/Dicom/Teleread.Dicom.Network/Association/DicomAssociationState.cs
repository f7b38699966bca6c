namespace Teleread.Dicom.Network;

/// <summary>Where an established association is in its life (the data transfer and release parts of PS3.8 Table 9-10).</summary>
public enum DicomAssociationState
{
    Established,
    ReleaseRequested,
    Released,
    Aborted,
}
