namespace Teleread.Server.Archive;

/// <summary>Hosts <see cref="RetentionRound"/> every <see cref="RetentionOptions.Interval"/> when <see cref="RetentionOptions.Enabled"/>.</summary>
public sealed partial class RetentionBackgroundService(RetentionRound round, RetentionOptions options, TimeProvider clock, ILogger<RetentionBackgroundService> logger)
    : PeriodicBackgroundService(clock)
{
    protected override TimeSpan Interval => options.Interval;

    protected override bool Enabled => options.Enabled;

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        var result = await round.RunAsync(stoppingToken).ConfigureAwait(false);
        if (result.Deleted + result.Held > 0)
        {
            Swept(logger, result.Deleted, result.Held, result.BatchFull);
        }
    }

    protected override void RoundFailed(Exception exception) => SweepFailed(logger, exception);

    // Server log range 1000–1999; the retention sweep uses 1930–1939.
    [LoggerMessage(1930, LogLevel.Information, "Retention sweep deleted {Deleted} study(ies), kept {Held} with an open reading request (batch full: {BatchFull})")]
    private static partial void Swept(ILogger logger, int deleted, int held, bool batchFull);

    [LoggerMessage(1931, LogLevel.Error, "Retention sweep failed; the next one runs on schedule")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
