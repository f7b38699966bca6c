using Teleread.Archive.Storage;

namespace Teleread.Archive.SiteReplication;

/// <summary>Bounded exponential backoff for queued copies: the initial delay, doubled per failed attempt, capped.</summary>
public static class ReplicationRetrySchedule
{
    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan DelayAfter(int failedAttempts, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = options.ReplicationRetryInitialDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= options.ReplicationRetryMaximumDelay.Ticks ? options.ReplicationRetryMaximumDelay : TimeSpan.FromTicks((long)ticks);
    }
}
