namespace Teleread.Dicom.Network;

/// <summary>Timers of an association (PS3.8 9.1.5 ARTIM) and the idle limit of a data transfer.</summary>
public sealed record DicomAssociationTimeouts
{
    /// <summary>ARTIM: how long to wait for an A-ASSOCIATE-RQ/AC/RJ, an A-RELEASE-RP, or the peer closing after release/reject.</summary>
    public TimeSpan Artim { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest silence while a PDU is awaited on an established association before it is aborted.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromMinutes(5);
}
