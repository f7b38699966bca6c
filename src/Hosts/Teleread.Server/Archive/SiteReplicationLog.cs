namespace Teleread.Server.Archive;

internal static partial class SiteReplicationLog
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Storage replication: {Replicated} copies made, {Failed} attempts failed in the last {Seconds:0} s; longest queued wait {LongestWaitSeconds:0.0} s; {Depth} queued")]
    public static partial void Progress(ILogger logger, long replicated, long failed, double seconds, double longestWaitSeconds, long depth);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning,
        Message = "Storage replication is behind: {Depth} copies queued, the oldest for {OldestSeconds:0} s (warning after {ThresholdSeconds:0} s); {Failing} failing, last error: {LastError}")]
    public static partial void Lagging(ILogger logger, long depth, double oldestSeconds, double thresholdSeconds, long failing, string? lastError);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Storage replication caught up: {Depth} copies queued, the oldest for {OldestSeconds:0} s")]
    public static partial void CaughtUp(ILogger logger, long depth, double oldestSeconds);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Storage replication round failed; the next round runs on schedule")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Storage replication: {Mode}, primary site {Primary}; queued copies are made every {PollSeconds} s, {Concurrency} at once")]
    public static partial void Started(ILogger logger, string mode, string primary, double pollSeconds, int concurrency);
}
