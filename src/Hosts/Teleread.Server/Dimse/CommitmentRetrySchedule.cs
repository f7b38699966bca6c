namespace Teleread.Server.Dimse;

/// <summary>Bounded exponential backoff for Storage Commitment reports: initial delay, doubled per failed attempt, capped.</summary>
public static class CommitmentRetrySchedule
{
    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan DelayAfter(int failedAttempts, StorageCommitmentOptions options)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = options.RetryInitialDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= options.RetryMaximumDelay.Ticks ? options.RetryMaximumDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>True when a report created at <paramref name="createdAt"/> whose attempt failed at <paramref name="now"/> is given up on.</summary>
    public static bool IsPastAgeLimit(DateTimeOffset createdAt, DateTimeOffset now, StorageCommitmentOptions options) =>
        now - createdAt >= options.GiveUpAfter;
}
