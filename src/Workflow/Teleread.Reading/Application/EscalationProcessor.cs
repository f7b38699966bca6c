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

    /// <summary>Tells operators and the reader, once per case, that an open case's deadline has passed; returns how many cases.</summary>
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
                    inserted |= await NotificationStore.InsertOnceAsync(c, t, n, ct).ConfigureAwait(false);
                }

                return inserted ? 1 : 0;
            }, ct).ConfigureAwait(false);
        }

        return notified;
    }

    private async Task<bool> ProcessAsync(StoredEscalationTimer timer, CancellationToken ct)
    {
        var now = reading.Clock.GetUtcNow();
        var request = await reading.Requests.FindAsync(timer.RequestId, ct).ConfigureAwait(false);
        var decision = request is null
            ? new EscalationDecision(EscalationAction.None, "request no longer exists")
            : reading.Escalation.Decide(timer.Step, request, now);
        string? newReader = null;
        if (decision.Action == EscalationAction.AlertAndReassign && request is not null)
        {
            newReader = await PickOtherReaderAsync(request, now, ct).ConfigureAwait(false);
        }

        try
        {
            return await WriteAsync(timer, request, decision, newReader, now, ct).ConfigureAwait(false);
        }
        finally
        {
            if (request is not null)
            {
                reading.StudyWritten(request.ClinicId, request.StudyReference);
            }
        }
    }

    private Task<bool> WriteAsync(StoredEscalationTimer timer, ReadingRequest? request, EscalationDecision decision, string? newReader, DateTimeOffset now,
        CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var outcome = decision.Action.ToString();
            var previousReader = request?.AssignedRadiologistId;
            if (request is not null && decision.Action == EscalationAction.AlertAndReassign)
            {
                var loaded = request.Version;
                var command = newReader is null ? ReadingCommand.Release : ReadingCommand.Reassign;
                var result = request.Apply(command, new CommandContext(Actor.System, now, $"escalation ({timer.Step}): {decision.Why}", newReader));
                if (!result.IsAccepted || !await reading.Requests.TrySaveAsync(c, t, request, loaded, ct).ConfigureAwait(false))
                {
                    // The request moved meanwhile; leave the timer for the next round, when the lease lapses.
                    return false;
                }

                outcome = newReader is null ? "released to pool" : $"reassigned to {newReader}";
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

            return await EscalationTimerStore.MarkProcessedAsync(c, t, timer.Id, WorkerId, now, $"{outcome}: {decision.Why}", ct).ConfigureAwait(false);
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
