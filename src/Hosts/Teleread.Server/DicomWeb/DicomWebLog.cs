namespace Teleread.Server.DicomWeb;

/// <summary>Log messages of the DICOMweb endpoints (event ids 4100–4199); UIDs only, never patient data.</summary>
public sealed partial class DicomWebLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "STOW-RS refused instance {SopInstanceUid}: failure reason 0x{FailureReason:X4}, {Reason}")]
    public static partial void InstanceRejected(ILogger logger, string sopInstanceUid, ushort failureReason, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "DICOMweb request refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int statusCode, string reason);
}
