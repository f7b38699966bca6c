using Microsoft.Extensions.Options;
using Teleread.Archive.Commitment;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>
/// Works through the Storage Commitment report outbox: every <see cref="StorageCommitmentOptions.PollInterval"/>, and
/// at once when woken (the requesting association could not take a report), each due report is claimed and sent to
/// its clinic's node. Delivered: removed. Not delivered: retried with bounded exponential backoff, or, once older than
/// <see cref="StorageCommitmentOptions.GiveUpAfter"/>, marked failed with a warning and kept for the operator. The
/// outbox lives in the database, so reports wait across restarts. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class StorageCommitmentReportSender(
    ICommitmentReportOutbox outbox,
    ClinicNodeEventReporter reporter,
    StorageCommitmentOptions options,
    IOptions<TelereadOptions> teleread,
    TimeProvider clock,
    ILogger<StorageCommitmentReportSender> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private const int MaxBatchesPerRound = 20;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>
    /// How long an attempt holds a report (connect, association answer, N-EVENT-REPORT-RSP): another sender, or this one
    /// after a crash, takes it again only after that.
    /// </summary>
    public TimeSpan AttemptLease => TimeSpan.FromSeconds(2 * teleread.Value.Dicom.ArtimTimeoutSeconds + teleread.Value.Dicom.IdleTimeoutSeconds);

    /// <summary>Asks for a round now instead of at the next poll.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already asked for.
        }
    }

    /// <summary>One round: every due report gets one attempt (at most <c>MaxBatchesPerRound × BatchSize</c>). Returns how many were delivered.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var delivered = 0;
        for (var batch = 0; batch < MaxBatchesPerRound; batch++)
        {
            var due = await outbox.ListDueAsync(clock.GetUtcNow(), BatchSize, ct).ConfigureAwait(false);
            foreach (var entry in due)
            {
                delivered += await AttemptAsync(entry, ct).ConfigureAwait(false) ? 1 : 0;
            }

            if (due.Count < BatchSize)
            {
                break;
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    DimseLog.CommitmentRoundFailed(logger, exception);
                }

                using var poll = new CancellationTokenSource(options.PollInterval, clock);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
                try
                {
                    await _wake.WaitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The poll interval passed.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: reports wait in the outbox.
        }
    }

    private async Task<bool> AttemptAsync(CommitmentReportEntry entry, CancellationToken ct)
    {
        if (!await outbox.TryClaimAsync(entry, clock.GetUtcNow() + AttemptLease, ct).ConfigureAwait(false))
        {
            return false;
        }

        var error = await reporter.SendAsync(entry, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (error is null)
        {
            await outbox.RemoveAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
            DimseLog.CommitmentReportDelivered(logger, entry.TransactionUid, entry.CallingAeTitle, entry.ClinicId, entry.Attempts);
            return true;
        }

        var attempt = entry.Attempts + 1;
        if (CommitmentRetrySchedule.IsPastAgeLimit(entry.TryingSince, now, options))
        {
            await outbox.GiveUpAsync(entry.Id, error, now, CancellationToken.None).ConfigureAwait(false);
            DimseLog.CommitmentReportGivenUp(logger, entry.TransactionUid, entry.CallingAeTitle, entry.ClinicId, attempt, entry.CreatedAt, error);
            return false;
        }

        var next = now + CommitmentRetrySchedule.DelayAfter(attempt, options);
        await outbox.RecordFailedAttemptAsync(entry.Id, error, next, CancellationToken.None).ConfigureAwait(false);
        DimseLog.CommitmentReportNotDelivered(logger, entry.TransactionUid, entry.CallingAeTitle, attempt, error, next);
        return false;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
