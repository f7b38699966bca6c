namespace Teleread.Reading.Application;

/// <summary>
/// The background round of the reading workflow: queue stable studies, act on due escalation timers, return
/// cases with lapsed reading locks to the pool, assign the queue, send reports that need it to second reading. State lives in the database, so a restarted worker simply carries on where the last one stopped.
/// </summary>
public sealed class ReadingWorker(ReadingService reading, EscalationProcessor escalations)
{
    public async Task<ReadingRoundResult> RunOnceAsync(CancellationToken ct)
    {
        var promoted = await reading.PromoteStableStudiesAsync(ct).ConfigureAwait(false);
        var escalated = await escalations.ProcessDueAsync(ct).ConfigureAwait(false);
        var released = await reading.ReleaseLapsedLocksAsync(ct).ConfigureAwait(false);
        var assigned = await reading.AssignQueuedAsync(ct).ConfigureAwait(false);
        var secondReads = await reading.AssignSecondReadersAsync(ct).ConfigureAwait(false);
        return new ReadingRoundResult(promoted, escalated, released, assigned.Count, secondReads);
    }

    /// <summary>Runs rounds until cancelled; a failed round is reported and the next one still runs.</summary>
    public async Task RunAsync(Action<Exception> onError, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(reading.Options.WorkerInterval, reading.Clock);
        do
        {
            try
            {
                await RunOnceAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                onError(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
    }
}
