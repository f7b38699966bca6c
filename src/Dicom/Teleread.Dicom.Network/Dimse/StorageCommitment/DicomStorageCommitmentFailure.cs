namespace Teleread.Dicom.Network;

/// <summary>
/// An instance the SCP did not commit: an item of the Failed SOP Sequence (0008,1198) with its Failure Reason
/// (0008,1197, PS3.3 C.14.1.1), or an instance the report named neither as committed nor as failed (reason null).
/// </summary>
public sealed record DicomStorageCommitmentFailure(DicomSopReference Reference, ushort? FailureReason)
{
    public const ushort ProcessingFailure = 0x0110;
    public const ushort NoSuchObjectInstance = 0x0112;
    public const ushort ClassInstanceConflict = 0x0119;
    public const ushort ReferencedSopClassNotSupported = 0x0122;
    public const ushort ResourceLimitation = 0x0213;
    public const ushort DuplicateTransactionUid = 0x0131;

    /// <summary>The reason as a code and in words, e.g. "0x0112 no such object instance".</summary>
    public string Describe() => FailureReason switch
    {
        null => "not named in the report",
        { } code => $"0x{code:X4} " + code switch
        {
            ProcessingFailure => "processing failure",
            NoSuchObjectInstance => "no such object instance",
            ClassInstanceConflict => "class/instance conflict",
            ReferencedSopClassNotSupported => "referenced SOP class not supported",
            ResourceLimitation => "resource limitation",
            DuplicateTransactionUid => "duplicate transaction UID",
            _ => "unknown reason",
        },
    };
}
