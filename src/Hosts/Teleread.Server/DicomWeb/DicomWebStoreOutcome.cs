namespace Teleread.Server.DicomWeb;

/// <summary>
/// The result of storing one STOW-RS part: stored (possibly with a warning) or failed with a PS3.18 failure reason
/// (PS3.4 C.4.2.1.4 status codes such as 0xC000 cannot understand, 0xA700 out of resources).
/// </summary>
public sealed record DicomWebStoreOutcome(
    bool Stored,
    string? SopClassUid,
    string? SopInstanceUid,
    string? StudyUid,
    string? SeriesUid,
    ushort? FailureReason,
    ushort? WarningReason,
    string? Message)
{
    public const ushort ProcessingFailure = 0x0110;
    public const ushort SopClassNotSupported = 0x0122;
    public const ushort OutOfResources = 0xA700;
    public const ushort DatasetDoesNotMatch = 0xA900;
    public const ushort CannotUnderstand = 0xC000;
    public const ushort CoercionOfDataElements = 0xB000;

    public static DicomWebStoreOutcome Failed(ushort reason, string message, string? sopClassUid = null, string? sopInstanceUid = null) =>
        new(false, sopClassUid, sopInstanceUid, null, null, reason, null, message);
}
