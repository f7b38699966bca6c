namespace Teleread.Server.Archive;

internal static partial class StorageScrubLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Storage scrub started over {Sites} sites")]
    public static partial void Started(ILogger logger, int sites);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Storage scrub finished: {Checked} objects checked, {Healthy} healthy, {Repaired} copies repaired, {Unrecoverable} unrecoverable, {Unavailable} copies unreadable")]
    public static partial void Finished(ILogger logger, long @checked, long healthy, long repaired, long unrecoverable, long unavailable);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Storage scrub failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
