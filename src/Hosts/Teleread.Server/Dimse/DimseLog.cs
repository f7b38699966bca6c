namespace Teleread.Server.Dimse;

/// <summary>DIMSE host log catalogue: event ids 1100–1199.</summary>
public static partial class DimseLog
{
    [LoggerMessage(1100, LogLevel.Information, "DICOM listener {AeTitle} on {EndPoint}")]
    public static partial void Listening(ILogger logger, string aeTitle, string endPoint);
}
