using Teleread.Archive.SiteReplication;
using Teleread.Archive.Storage;

namespace Teleread.Server.Archive;

/// <summary>
/// Runs the <see cref="SiteReplicator"/> in the background: every <see cref="StorageOptions.ReplicationPollInterval"/> it
/// works through the due copies (full batches back to back, at most <see cref="MaxRoundsPerPass"/> per pass). It runs in
/// both modes, so copies queued before a switch back to Synchronous are still made. Every <see cref="StatusInterval"/> it
/// logs what it made and checks the queue: a warning while the oldest queued copy is older than
/// <see cref="StorageOptions.ReplicationLagWarning"/> (at most once a minute), an information when it caught up.
/// </summary>
public sealed class SiteReplicationService(
    SiteReplicator replicator,
    ReplicationQueue queue,
    ReplicatedBlobStore store,
    StorageOptions options,
    TimeProvider clock,
    ILogger<SiteReplicationService> logger) : BackgroundService
{
    public const int MaxRoundsPerPass = 100;
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarningRepeat = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private long _replicated;
    private long _failed;
    private long _sinceReplicated;
    private long _sinceFailed;
    private TimeSpan _sinceLongestWait;
    private DateTimeOffset? _lastCopyAt;
    private DateTimeOffset _lastStatusAt;
    private DateTimeOffset? _lastWarningAt;
    private bool _lagging;

    /// <summary>One pass: rounds while they take full batches. Returns how many copies were made.</summary>
    public async Task<long> RunDueAsync(CancellationToken ct)
    {
        long made = 0;
        for (var i = 0; i < MaxRoundsPerPass; i++)
        {
            var round = await replicator.RunOnceAsync(ct).ConfigureAwait(false);
            Record(round);
            made += round.Replicated;
            if (round.Claimed < options.ReplicationBatchSize)
            {
                break;
            }
        }

        return made;
    }

    public async Task<StorageReplicationStatus> GetStatusAsync(CancellationToken ct)
    {
        var queued = await queue.GetStatusAsync(20, ct).ConfigureAwait(false);
        var age = queued.OldestAge(clock.GetUtcNow());
        lock (_gate)
        {
            return new StorageReplicationStatus(store.Mode.ToString(), store.Primary.Name, [.. store.Sites.Select(s => s.Name)], queued.Depth, queued.Failing,
                queued.OldestQueuedAt, age.TotalSeconds, options.ReplicationLagWarning.TotalSeconds, age > options.ReplicationLagWarning,
                _replicated, _failed, _lastCopyAt, queued.Oldest);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SiteReplicationLog.Started(logger, store.Mode.ToString(), store.Primary.Name, options.ReplicationPollInterval.TotalSeconds, options.ReplicationConcurrency);
        _lastStatusAt = clock.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunDueAsync(stoppingToken).ConfigureAwait(false);
                    if (clock.GetUtcNow() - _lastStatusAt >= StatusInterval)
                    {
                        await ReportAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    SiteReplicationLog.RoundFailed(logger, exception);
                }

                await Task.Delay(options.ReplicationPollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queued copies wait in the database.
        }
    }

    private void Record(ReplicationRound round)
    {
        lock (_gate)
        {
            _replicated += round.Replicated;
            _failed += round.Failed;
            _sinceReplicated += round.Replicated;
            _sinceFailed += round.Failed;
            if (round.Replicated > 0)
            {
                _lastCopyAt = clock.GetUtcNow();
                _sinceLongestWait = round.LongestWait > _sinceLongestWait ? round.LongestWait : _sinceLongestWait;
            }
        }
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queued = await queue.GetStatusAsync(1, ct).ConfigureAwait(false);
        long made, failed;
        TimeSpan longest;
        lock (_gate)
        {
            (made, failed, longest) = (_sinceReplicated, _sinceFailed, _sinceLongestWait);
            (_sinceReplicated, _sinceFailed, _sinceLongestWait) = (0, 0, TimeSpan.Zero);
        }

        if (made > 0 || failed > 0)
        {
            SiteReplicationLog.Progress(logger, made, failed, (now - _lastStatusAt).TotalSeconds, longest.TotalSeconds, queued.Depth);
        }

        _lastStatusAt = now;
        var age = queued.OldestAge(now);
        if (age > options.ReplicationLagWarning)
        {
            if (_lastWarningAt is not { } warned || now - warned >= WarningRepeat)
            {
                SiteReplicationLog.Lagging(logger, queued.Depth, age.TotalSeconds, options.ReplicationLagWarning.TotalSeconds, queued.Failing,
                    queued.Oldest.FirstOrDefault()?.LastError);
                _lastWarningAt = now;
            }

            _lagging = true;
        }
        else if (_lagging)
        {
            SiteReplicationLog.CaughtUp(logger, queued.Depth, age.TotalSeconds);
            (_lagging, _lastWarningAt) = (false, null);
        }
    }
}
