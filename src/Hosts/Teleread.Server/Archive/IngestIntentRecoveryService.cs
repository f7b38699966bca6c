using Teleread.Archive.Ingest;

namespace Teleread.Server.Archive;

/// <summary>
/// Settles, every <see cref="IngestIntentRecovery.LiveCommitBound"/>, the ingest intents old enough to be left by a process
/// that stopped: with several server processes on one PostgreSQL database the start-up pass leaves younger intents alone
/// (they may be another process's commit still running), and a process that crashes while others run is cleaned up here.
/// </summary>
public sealed partial class IngestIntentRecoveryService(IngestIntentRecovery recovery, TimeProvider clock, ILogger<IngestIntentRecoveryService> logger)
    : PeriodicBackgroundService(clock)
{
    protected override TimeSpan Interval => IngestIntentRecovery.LiveCommitBound;

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        var settled = await recovery.RecoverAsync(stoppingToken).ConfigureAwait(false);
        if (settled.Kept + settled.Withdrawn + settled.Restored > 0)
        {
            Settled(logger, settled.Kept, settled.Withdrawn, settled.Restored, settled.Undecided);
        }
    }

    protected override void RoundFailed(Exception exception) => Failed(logger, exception);

    // Server log range 1000–1999; ingest intent recovery uses 1920–1929.
    [LoggerMessage(1920, LogLevel.Warning, "Settled instances left mid-commit by a stopped process: {Kept} kept (blob intact), {Withdrawn} withdrawn (blob on no site), {Restored} restored from the journal, {Undecided} left for a later round")]
    private static partial void Settled(ILogger logger, int kept, int withdrawn, int restored, int undecided);

    [LoggerMessage(1921, LogLevel.Error, "Settling ingest intents failed; the next round runs on schedule")]
    private static partial void Failed(ILogger logger, Exception exception);
}
