using Teleread.Data;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Reading.Application;

/// <summary>
/// Acts on due escalation timers: raises an SLA alert, and when the policy says so takes the case from a
/// radiologist who has not started (or whose lock lapsed) and gives it to another qualified one — or back to the
/// pool when nobody else can take it. The alert, the notifications, the change and "timer processed" commit together;
/// open cases past their deadline get one Overdue notification each.
/// </summary>
public sealed class EscalationProcessor(IDatabase db, ReadingService reading, string workerId)
{
    private const int BatchSize = 50;
    private readonly EscalationTimerStore _timers = new(db);

    public string WorkerId { get; } = workerId;

    /// <summary>Processes the timers due now; returns how many were completed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = reading.Clock.GetUtcNow();
        var leased = await _timers.LeaseDueAsync(WorkerId, now, now + reading.Options.EscalationLease, BatchSize, ct).ConfigureAwait(false);
        var done = 0;
        foreach (var timer in leased)
        {
            done += await ProcessAsync(timer, ct).ConfigureAwait(false) ? 1 : 0;
        }

        await NotifyOverdueAsync(now, ct).ConfigureAwait(false);
        return done;
    }

    /// <summary>
    /// Tells operators and the reader, once per case, that an open case's deadline has passed; returns how many cases. The case is
    /// listed outside the write, so each notice is written only if the case is still the version listed (not finalised or handed
    /// to another reader meanwhile; the next round looks again), and at most once per inbox (a unique index, so workers of several
    /// server processes cannot both write it).
    /// </summary>
    public async Task<int> NotifyOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var open = await reading.Requests.ListAsync(new ReadingRequestFilter(
            States: Enum.GetValues<ReadingState>().Where(s => s < ReadingState.Final).ToList(), Limit: 5000), ct).ConfigureAwait(false);
        var notified = 0;
        foreach (var request in open.Where(r => r.Deadline < now))
        {
            notified += await db.WriteAsync(async (c, t) =>
            {
                var inserted = false;
                foreach (var n in EscalationNotices.Overdue(request, now))
                {
                    inserted |= await NotificationStore.InsertOnceAsync(c, t, n, request.Version, ct).ConfigureAwait(false);
                }

                return inserted ? 1 : 0;
            }, ct).ConfigureAwait(false);
        }

        return notified;
    }

    /// <summary>
    /// Acts on one leased timer. The reader to hand the case to is picked from the roster before the write; the write decides
    /// again on the case as it is then (locked on PostgreSQL) and does nothing once the lease has passed to another worker. If the
    /// case moved between the pick and the write so that the pick no longer fits, the pick is made again (a few times at most;
    /// after that the timer waits for its lease to lapse).
    /// </summary>
    private async Task<bool> ProcessAsync(StoredEscalationTimer timer, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = reading.Clock.GetUtcNow();
            var seen = await reading.Requests.FindAsync(timer.RequestId, ct).ConfigureAwait(false);
            string? newReader = null;
            if (seen is not null && reading.Escalation.Decide(timer.Step, seen, now).Action == EscalationAction.AlertAndReassign)
            {
                newReader = await PickOtherReaderAsync(seen, now, ct).ConfigureAwait(false);
            }

            Written written;
            try
            {
                written = await WriteAsync(timer, seen?.Version, newReader, now, ct).ConfigureAwait(false);
            }
            finally
            {
                if (seen is not null)
                {
                    reading.StudyWritten(seen.ClinicId, seen.StudyReference);
                }
            }

            if (written != Written.CaseMoved || attempt == 3)
            {
                return written == Written.Done;
            }
        }
    }

    private enum Written
    {
        Done,

        /// <summary>Another worker owns the timer now (this one's lease lapsed) or finished it: nothing was written.</summary>
        LeaseLost,

        /// <summary>The case changed after the new reader was picked: nothing was written.</summary>
        CaseMoved,
    }

    private Task<Written> WriteAsync(StoredEscalationTimer timer, int? seenVersion, string? newReader, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            // Decide on the case as it is now, not as it was read before the write: it may have been finalised, started or
            // handed over meanwhile. Locking it first (then the timer) keeps the order every other writer of both tables uses.
            var request = await reading.Requests.FindForUpdateAsync(c, t, timer.RequestId, ct).ConfigureAwait(false);
            var decision = request is null
                ? new EscalationDecision(EscalationAction.None, "request no longer exists")
                : reading.Escalation.Decide(timer.Step, request, now);
            if (decision.Action == EscalationAction.AlertAndReassign && request!.Version != seenVersion)
            {
                return Written.CaseMoved;
            }

            var outcome = decision.Action.ToString();
            var previousReader = request?.AssignedRadiologistId;
            var loaded = request?.Version;
            if (decision.Action == EscalationAction.AlertAndReassign)
            {
                var command = newReader is null ? ReadingCommand.Release : ReadingCommand.Reassign;
                if (!request!.Apply(command, new CommandContext(Actor.System, now, $"escalation ({timer.Step}): {decision.Why}", newReader)).IsAccepted)
                {
                    return Written.CaseMoved;
                }

                outcome = newReader is null ? "released to pool" : $"reassigned to {newReader}";
            }

            // Only the lease holder acts: a worker that stalled past its lease may find the timer taken over (or done) by another.
            if (!await _timers.HoldLeaseAsync(c, t, timer.Id, WorkerId, ct).ConfigureAwait(false))
            {
                return Written.LeaseLost;
            }

            if (decision.Action == EscalationAction.AlertAndReassign && !await reading.Requests.TrySaveAsync(c, t, request!, loaded!.Value, ct).ConfigureAwait(false))
            {
                return Written.CaseMoved; // not on PostgreSQL (the row is locked) nor SQLite (writers take turns); nothing written
            }

            if (request is not null && decision.Action != EscalationAction.None)
            {
                await SlaAlertStore.InsertAsync(c, t, new SlaAlert(Guid.NewGuid(), request.Id, request.ClinicId, now, timer.Step, decision.Action,
                    decision.Why + (decision.Action == EscalationAction.AlertAndReassign ? $"; {outcome}" : "")), ct).ConfigureAwait(false);
                foreach (var n in EscalationNotices.For(request, previousReader, decision, newReader, now))
                {
                    await NotificationStore.InsertAsync(c, t, n, ct).ConfigureAwait(false);
                }
            }

            await EscalationTimerStore.MarkProcessedAsync(c, t, timer.Id, WorkerId, now, $"{outcome}: {decision.Why}", ct).ConfigureAwait(false);
            return Written.Done;
        }, ct);

    private async Task<string?> PickOtherReaderAsync(ReadingRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = (await reading.BuildCandidatesAsync(now, ct).ConfigureAwait(false))
            .Where(c => c.Profile.Id != request.AssignedRadiologistId).ToList();
        var engine = new AssignmentEngine(new AssignmentOptions { MaxOpenCasesPerRadiologist = int.MaxValue, RequireShiftCoverage = false });
        var plan = engine.Plan(candidates, [AssignableCase.From(request, reading.Options.ExpectedMinutes(request.Details.Modality))], now);
        return plan.Assignments.FirstOrDefault()?.RadiologistId;
    }
}
