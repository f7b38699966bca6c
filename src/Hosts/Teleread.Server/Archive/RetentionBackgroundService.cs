namespace Teleread.Server.Archive;

/// <summary>Hosts <see cref="RetentionRound"/> every <see cref="RetentionOptions.Interval"/> when <see cref="RetentionOptions.Enabled"/>.</summary>
public sealed partial class RetentionBackgroundService(RetentionRound round, RetentionOptions options, TimeProvider clock, ILogger<RetentionBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(options.Interval, clock, stoppingToken).ConfigureAwait(false);
                try
                {
                    var result = await round.RunAsync(stoppingToken).ConfigureAwait(false);
                    if (result.Deleted + result.Held > 0)
                    {
                        Swept(logger, result.Deleted, result.Held, result.BatchFull);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    // Server log range 1000–1999; the retention sweep uses 1930–1939.
    [LoggerMessage(1930, LogLevel.Information, "Retention sweep deleted {Deleted} study(ies), kept {Held} with an open reading request (batch full: {BatchFull})")]
    private static partial void Swept(ILogger logger, int deleted, int held, bool batchFull);

    [LoggerMessage(1931, LogLevel.Error, "Retention sweep failed; the next one runs on schedule")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
