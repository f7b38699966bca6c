using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Server.Archive;

/// <summary>
/// Scrubs both storage sites on a schedule (Storage:ScrubInterval) and on an operator's request: every object the
/// index expects is verified against its SHA-256 on every site, and a missing or corrupted copy is rewritten from a
/// good one. One scrub runs at a time; <see cref="Status"/> shows the running totals while it works.
/// </summary>
public sealed class StorageScrubJob(
    StorageOptions options,
    ReplicatedBlobStore store,
    ArchiveIndex index,
    TimeProvider clock,
    ILogger<StorageScrubJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile StorageScrubStatus _status = StorageScrubStatus.NeverRun;

    public StorageScrubStatus Status => _status;

    /// <summary>Starts a scrub now unless one is running; false when one already is.</summary>
    public bool TryStart(CancellationToken stopping)
    {
        if (!_gate.Wait(0))
        {
            return false;
        }

        _status = new StorageScrubStatus(true, clock.GetUtcNow(), null, null, null);
        _ = Task.Run(async () =>
        {
            try
            {
                await RunHeldAsync(stopping).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }, CancellationToken.None);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ScrubInterval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(options.ScrubFirstDelay, clock, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await RunHeldAsync(stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }

                await Task.Delay(options.ScrubInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunHeldAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        _status = new StorageScrubStatus(true, started, null, null, null);
        StorageScrubLog.Started(logger, store.Sites.Count);
        try
        {
            var scrubber = new BlobScrubber(store.Sites, options.ScrubConcurrency);
            // Reported synchronously, and only while running: Progress<T> would post a stale snapshot that can land after the final report.
            var progress = new RunningReport(this);
            var report = await scrubber.ScrubAsync(index.ExpectedBlobsAsync(cancellationToken), repair: true, progress, cancellationToken,
                index.StillExpectsAsync).ConfigureAwait(false);
            _status = new StorageScrubStatus(false, started, clock.GetUtcNow(), report, null);
            StorageScrubLog.Finished(logger, report.Checked, report.Healthy, report.Repaired, report.Unrecoverable, report.Unavailable);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _status = new StorageScrubStatus(false, started, clock.GetUtcNow(), _status.Report, e.Message);
            StorageScrubLog.Failed(logger, e);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private sealed class RunningReport(StorageScrubJob job) : IProgress<BlobScrubReport>
    {
        private readonly Lock _gate = new();

        public void Report(BlobScrubReport value)
        {
            lock (_gate)
            {
                if (job._status.Running && (job._status.Report is null || job._status.Report.Checked <= value.Checked))
                {
                    job._status = job._status with { Report = value };
                }
            }
        }
    }
}
