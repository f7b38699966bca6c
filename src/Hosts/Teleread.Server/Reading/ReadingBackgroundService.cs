using Teleread.Reading.Application;

namespace Teleread.Server.Reading;

/// <summary>Hosts <see cref="ReadingWorker"/>: queue stable studies, escalate, assign — every WorkerInterval.</summary>
public sealed partial class ReadingBackgroundService(ReadingWorker worker, ILogger<ReadingBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await worker.RunAsync(ex => RoundFailed(logger, ex), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    // Server log range 1000–1999; the reading worker uses 1900–1909.
    [LoggerMessage(1900, LogLevel.Error, "Reading worker round failed; the next round runs on schedule")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
