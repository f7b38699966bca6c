using System.Data.Common;
using Teleread.Data;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Reading.Application;

/// <summary>
/// The reading workflow's use cases. Each loads a request, lets the domain decide, and saves it with an
/// optimistic version check in one unit of work; time comes only from the injected <see cref="TimeProvider"/>.
/// Every write of a request (but an arrival's own clock move) tells <see cref="RecentArrivals"/> when its unit of work has ended
/// (<see cref="StudyWritten"/>), so a study remembered as "more images change nothing" is read again after any change to its requests.
/// </summary>
public sealed partial class ReadingService(IDatabase db, TimeProvider clock, ReadingOptions options, AssignmentEngine engine, EscalationPolicy escalation)
{
    private static readonly ReadingState[] OpenForReader = [ReadingState.Assigned, ReadingState.Reading, ReadingState.Preliminary];
    private readonly RecentArrivals _arrivals = new();

    public ReadingRequestStore Requests { get; } = new(db);
    public ReadingDirectoryStore Directory { get; } = new(db);
    public TimeProvider Clock => clock;
    public ReadingOptions Options => options;
    public EscalationPolicy Escalation => escalation;

    /// <summary>
    /// Opens a request with its SLA deadline and escalation timers. Earlier studies of the same patient at the same
    /// clinic are linked as priors. With an idempotency key a retried submission returns the first request.
    /// When the study already has a request opened from its images, the clinic's request takes its place (its details,
    /// priority and deadline replace those from the header, one "SupplyDetails" timeline entry) while no radiologist has
    /// it; once one has (assigned or later) the answer is <see cref="ReadingError.StudyAlreadyInReading"/> naming that request.
    /// </summary>
    public async Task<CommandOutcome> ReceiveAsync(NewReadingRequest n, Actor actor, CancellationToken ct, string? idempotencyKey = null)
    {
        if (await Directory.FindClinicAsync(n.ClinicId, ct).ConfigureAwait(false) is not { } clinic)
        {
            return CommandOutcome.Fail(ReadingError.NotFound, $"Clinic '{n.ClinicId}' has no reading contract.");
        }

        var now = clock.GetUtcNow();
        var deadline = DeadlineCalculator.Compute(n.Details.Priority, now, clinic.Contract.Sla);
        var earlier = await Requests.ListAsync(new ReadingRequestFilter(ClinicId: n.ClinicId, PatientId: n.PatientId), ct).ConfigureAwait(false);
        var priors = n.Details.PriorStudyReferences
            .Concat(earlier.OrderByDescending(r => r.ReceivedAt).Select(r => r.StudyReference))
            .Where(s => s != n.StudyReference).Distinct(StringComparer.Ordinal).ToList();
        var details = n.Details with { PriorStudyReferences = priors };
        var secondReading = clinic.Contract.RequiresSecondReading || n.AskForSecondReading;
        var request = ReadingRequest.Receive(Guid.NewGuid(), n.ClinicId, n.PatientId, n.StudyReference, details,
            now, deadline, secondReading, clinic.Contract.RequiresQaCheck);
        return await WriteStudyAsync(n.ClinicId, n.StudyReference, async (c, t) =>
        {
            if (idempotencyKey is not null && await FindByIdempotencyKeyAsync(c, t, n.ClinicId, idempotencyKey, ct).ConfigureAwait(false) is { } retried)
            {
                return CommandOutcome.Ok(retried);
            }

            // Twice at most: a first insert can lose only to the images opening the study's request at the same moment.
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var holderId = await Requests.FindStudyHolderAsync(c, t, n.ClinicId, n.StudyReference, ct).ConfigureAwait(false);
                var holder = holderId is { } h ? await Requests.FindForUpdateAsync(c, t, h, ct).ConfigureAwait(false) : null;
                if (holder is { Origin: RequestOrigin.Images } && holder.State != ReadingState.Cancelled)
                {
                    return await SupplyDetailsAsync(c, t, holder, n, details, deadline, secondReading, actor, idempotencyKey, ct).ConfigureAwait(false);
                }

                if (await Requests.InsertAsync(c, t, request, idempotencyKey, ct, holdsStudy: holder is null).ConfigureAwait(false))
                {
                    await EscalationTimerStore.ScheduleAsync(c, t, escalation.Schedule(request), ct).ConfigureAwait(false);
                    return CommandOutcome.Ok(request);
                }

                if (idempotencyKey is not null && await FindByIdempotencyKeyAsync(c, t, n.ClinicId, idempotencyKey, ct).ConfigureAwait(false) is { } first)
                {
                    return CommandOutcome.Ok(first);
                }
            }

            return CommandOutcome.Fail(ReadingError.ConcurrencyConflict, $"Study {n.StudyReference} changed while the request was filed; retry.");
        }, ct).ConfigureAwait(false);
    }

    private async Task<ReadingRequest?> FindByIdempotencyKeyAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string clinicId, string key,
        CancellationToken ct) =>
        await Requests.FindIdByIdempotencyKeyAsync(c, t, clinicId, key, ct).ConfigureAwait(false) is { } id
            ? await Requests.FindAsync(c, t, id, ct).ConfigureAwait(false)
            : null;

    /// <summary>How far a request's last-image time may lag behind the newest image.</summary>
    public static readonly TimeSpan ArrivalClockResolution = TimeSpan.FromSeconds(2);

    /// <summary>Late images within this time of the last "late images" entry, with nothing recorded in between, add no entry of their own.</summary>
    public static readonly TimeSpan LateImagesBurst = TimeSpan.FromMinutes(5);

    /// <summary>More images of a study arrived: restarts the stability clock, or reopens a request visibly.</summary>
    public Task<IReadOnlyList<CommandOutcome>> ImagesArrivedAsync(string clinicId, string studyReference, int count, CancellationToken ct) =>
        ImagesArrivedAsync(new ImagesReceived(clinicId, studyReference, count), ct);

    /// <summary>
    /// Images of a study arrived: a study without any request yet gets one opened from the images (when the contract says so
    /// and <see cref="ImagesReceived.Study"/> describes it); otherwise restarts the stability clock, or reopens a request visibly.
    /// A study whose requests were all cancelled stays cancelled: later images open nothing.
    /// </summary>
    public async Task<IReadOnlyList<CommandOutcome>> ImagesArrivedAsync(ImagesReceived images, CancellationToken ct)
    {
        var (clinicId, studyReference, count) = (images.ClinicId, images.StudyReference, images.Count);
        if (_arrivals.TryRecall(clinicId, studyReference, clock.GetUtcNow(), out var unchanged))
        {
            return [.. unchanged.Select(s => CommandOutcome.Ok(ReadingRequest.Restore(s, timelineLoaded: false)))];
        }

        var generation = _arrivals.Generation(clinicId, studyReference);
        var requests = await Requests.ListAsync(new ReadingRequestFilter(ClinicId: clinicId, StudyReference: studyReference), ct).ConfigureAwait(false);
        if (requests.Count == 0 && images.Study is not null)
        {
            if (await OpenFromImagesAsync(images, ct).ConfigureAwait(false) is { } opened)
            {
                return [opened];
            }

            requests = await Requests.ListAsync(new ReadingRequestFilter(ClinicId: clinicId, StudyReference: studyReference), ct).ConfigureAwait(false);
        }

        var outcomes = new List<CommandOutcome>();
        var arrivedAt = clock.GetUtcNow();
        foreach (var r in requests.Where(r => r.State != ReadingState.Cancelled))
        {
            // A series arrives as hundreds of instances within seconds: the stability clock only needs moving when it
            // is noticeably behind (StudyStableFor is minutes), not once per instance. The first image is always recorded.
            if (r.State == ReadingState.Received && r.LastImageAt > r.ReceivedAt && arrivedAt - r.LastImageAt < ArrivalClockResolution)
            {
                outcomes.Add(CommandOutcome.Ok(r));
                continue;
            }

            // Moving the clock forward, or bringing a request back to Received, cannot make a remembered "changes nothing until"
            // wrong (only leaving Received, or another request of the study, could), so these writes forget nothing.
            outcomes.Add(await MutateAsync(r.Id, null, request =>
            {
                var now = clock.GetUtcNow();
                if (request.State == ReadingState.Received)
                {
                    request.RecordImageArrival(now);
                    return null;
                }

                var result = request.RecordLateImages(new CommandContext(Actor.System, now, $"{count} image(s) arrived after the study was complete"), LateImagesBurst);
                return result.IsAccepted ? null : CommandOutcome.From(result, request);
            }, ct, forgetArrivals: false).ConfigureAwait(false));
        }

        RememberIfUnchanging(clinicId, studyReference, generation, outcomes);
        return outcomes;
    }

    /// <summary>
    /// Remembers the study when the next arrival before some time would change nothing: it has open requests, all Received with
    /// their first image recorded (the same test as the loop above), until the stalest clock is <see cref="ArrivalClockResolution"/> old.
    /// A study without open requests is not remembered: the clinic may file one at any moment, on any server process.
    /// </summary>
    private void RememberIfUnchanging(string clinicId, string studyReference, long generation, List<CommandOutcome> outcomes)
    {
        if (outcomes.Count == 0 || !outcomes.TrueForAll(o => o is { Succeeded: true, Request: { State: ReadingState.Received } r } && r.LastImageAt > r.ReceivedAt))
        {
            return;
        }

        var until = outcomes.Min(o => o.Request!.LastImageAt) + ArrivalClockResolution;
        _arrivals.Remember(clinicId, studyReference, generation, clock.GetUtcNow(), until,
            [.. outcomes.Select(o => o.Request!.ToSnapshot() with { Timeline = [] })]);
    }

    /// <summary>The clinic says the study is complete: the request is ready for reading now.</summary>
    public Task<CommandOutcome> MarkCompleteAsync(Guid id, Actor actor, CancellationToken ct) =>
        MutateAsync(id, null, r => Chain(r, actor, "marked complete by the clinic", ReadingCommand.CompleteImages, ReadingCommand.Enqueue), ct);

    /// <summary>Queues every received request whose study has been stable long enough.</summary>
    public async Task<int> PromoteStableStudiesAsync(CancellationToken ct)
    {
        var policy = new StudyCompletenessPolicy(options.StudyStableFor);
        var received = await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Received]), ct).ConfigureAwait(false);
        var promoted = 0;
        foreach (var r in received.Where(r => policy.IsStable(r, clock.GetUtcNow())))
        {
            var outcome = await MutateAsync(r.Id, r.Version, x =>
                Chain(x, Actor.System, $"no new image for {options.StudyStableFor.TotalMinutes:0.#} min", ReadingCommand.CompleteImages, ReadingCommand.Enqueue), ct).ConfigureAwait(false);
            promoted += outcome.Succeeded ? 1 : 0;
        }

        return promoted;
    }

    /// <summary>Returns to the pool every case whose reader's lock lapsed more than <see cref="ReadingOptions.LapsedLockGrace"/> ago.</summary>
    public async Task<int> ReleaseLapsedLocksAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reading = await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Reading], Limit: 5000), ct).ConfigureAwait(false);
        var released = 0;
        foreach (var r in reading.Where(r => r.LockExpiresAt is { } until && until + options.LapsedLockGrace <= now))
        {
            var outcome = await ExecuteAsync(r.Id, ReadingCommand.Release, Actor.System,
                $"reading lock of {r.LockHolder} lapsed at {r.LockExpiresAt:O}", null, r.Version, ct).ConfigureAwait(false);
            released += outcome.Succeeded ? 1 : 0;
        }

        return released;
    }

    /// <summary>Any lifecycle command, refused with the domain's error or a concurrency conflict.</summary>
    public Task<CommandOutcome> ExecuteAsync(Guid id, ReadingCommand command, Actor actor, string reason, string? radiologistId, int? expectedVersion, CancellationToken ct) =>
        MutateAsync(id, expectedVersion, r =>
        {
            var now = clock.GetUtcNow();
            var result = r.Apply(command, new CommandContext(actor, now, reason, radiologistId));
            if (result.IsAccepted && command == ReadingCommand.StartReading && r.AssignedRadiologistId is { } reader)
            {
                r.TryLock(reader, now, options.LockTtl);
            }

            return result.IsAccepted ? null : CommandOutcome.From(result, r);
        }, ct);

    /// <summary>A radiologist takes a queued case from the pool and starts reading; of simultaneous claims one wins.</summary>
    public async Task<CommandOutcome> ClaimAsync(Guid id, string radiologistId, CancellationToken ct)
    {
        var profile = await Directory.FindRadiologistAsync(radiologistId, ct).ConfigureAwait(false);
        var request = await Requests.FindAsync(id, ct).ConfigureAwait(false);
        if (profile is null || request is null)
        {
            return CommandOutcome.Fail(ReadingError.NotFound, profile is null ? $"Radiologist '{radiologistId}' is not on the roster." : $"Request {id} not found.");
        }

        if (Qualification.WhyNot(profile, AssignableCase.From(request, options.ExpectedMinutes(request.Details.Modality))) is { } why)
        {
            return CommandOutcome.Fail(ReadingError.NotQualified, $"{radiologistId} {why}.");
        }

        return await MutateAsync(id, request.Version, r =>
        {
            var now = clock.GetUtcNow();
            var result = r.Apply(ReadingCommand.Claim, new CommandContext(new Actor(radiologistId, ActorRole.Radiologist), now, "claimed from the pool", radiologistId));
            if (!result.IsAccepted)
            {
                return CommandOutcome.From(result, r);
            }

            r.TryLock(radiologistId, now, options.LockTtl);
            return null;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The reader is still at it: extends their lock, or says who holds it.</summary>
    public Task<CommandOutcome> RenewLockAsync(Guid id, string radiologistId, CancellationToken ct) =>
        MutateAsync(id, null, r =>
        {
            if (r.AssignedRadiologistId != radiologistId && r.SecondReaderId != radiologistId)
            {
                return CommandOutcome.Fail(ReadingError.NotTheAssignee, $"{radiologistId} is not reading request {id}.");
            }

            var outcome = r.TryLock(radiologistId, clock.GetUtcNow(), options.LockTtl);
            return outcome.Acquired ? null : CommandOutcome.Fail(ReadingError.LockedByAnother, $"Locked by {outcome.Holder} until {outcome.ExpiresAt:O}.");
        }, ct);

    /// <summary>Runs the engine over the queue and assigns what it can; returns the assignments that were saved.</summary>
    public async Task<IReadOnlyList<Assignment>> AssignQueuedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var queued = await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Queued]), ct).ConfigureAwait(false);
        if (queued.Count == 0)
        {
            return [];
        }

        var candidates = await BuildCandidatesAsync(now, ct).ConfigureAwait(false);
        var plan = engine.Plan(candidates, queued.Select(r => AssignableCase.From(r, options.ExpectedMinutes(r.Details.Modality))).ToList(), now);
        var versions = queued.ToDictionary(r => r.Id, r => r.Version);
        var saved = new List<Assignment>();
        foreach (var a in plan.Assignments)
        {
            var outcome = await ExecuteAsync(a.RequestId, ReadingCommand.Assign, Actor.System,
                $"assignment engine: expected finish {a.ExpectedFinish:O}", a.RadiologistId, versions[a.RequestId], ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                saved.Add(a);
            }
        }

        return saved;
    }

    /// <summary>Sends preliminary reports that need a second reading to a board-certified, qualified colleague of the first reader.</summary>
    public async Task<int> AssignSecondReadersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = (await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Preliminary]), ct).ConfigureAwait(false))
            .Where(r => r.RequiresSecondReading && !r.SecondReadingDone).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }

        var candidates = (await BuildCandidatesAsync(now, ct).ConfigureAwait(false)).Where(c => c.Profile.BoardCertified).ToList();
        var sent = 0;
        foreach (var r in waiting)
        {
            var plan = engine.Plan(candidates.Where(c => c.Profile.Id != r.AssignedRadiologistId).ToList(),
                [AssignableCase.From(r, options.ExpectedMinutes(r.Details.Modality))], now);
            if (plan.Assignments is not [var a])
            {
                continue;
            }

            var outcome = await ExecuteAsync(r.Id, ReadingCommand.SendToSecondReading, Actor.System, "second reading required", a.RadiologistId, r.Version, ct).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                sent++;
                var i = candidates.FindIndex(c => c.Profile.Id == a.RadiologistId);
                candidates[i] = candidates[i] with { OpenCases = candidates[i].OpenCases + 1, BusyUntil = a.ExpectedFinish };
            }
        }

        return sent;
    }

    /// <summary>The roster with each radiologist's current load, as the engine needs it.</summary>
    public async Task<IReadOnlyList<AssignmentCandidate>> BuildCandidatesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var roster = await Directory.ListRadiologistsAsync(ct).ConfigureAwait(false);
        var open = await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Assigned, ReadingState.Reading, ReadingState.SecondReading], Limit: 5000), ct).ConfigureAwait(false);
        var lastHour = await Requests.AssignmentsSinceAsync(now - TimeSpan.FromHours(1), ct).ConfigureAwait(false);
        var today = await Requests.AssignmentsSinceAsync(now - TimeSpan.FromHours(24), ct).ConfigureAwait(false);
        return roster.Select(p =>
        {
            var mine = open.Where(r => r.CurrentReader == p.Id).ToList();
            var backlog = mine.Sum(r => options.ExpectedMinutes(r.Details.Modality));
            return new AssignmentCandidate(p, mine.Count, lastHour.Where(x => x.RadiologistId == p.Id).Sum(x => x.Count),
                today.Where(x => x.RadiologistId == p.Id).Sum(x => x.Count * options.ExpectedMinutes(x.Modality)), now.AddMinutes(backlog));
        }).ToList();
    }

    public Task<ReadingRequest?> FindAsync(Guid id, CancellationToken ct) => Requests.FindAsync(id, ct);

    /// <summary>What a radiologist has to do: their assigned and in-progress cases and second readings, by deadline.</summary>
    public async Task<IReadOnlyList<ReadingRequest>> WorklistAsync(string radiologistId, CancellationToken ct)
    {
        var first = await Requests.ListAsync(new ReadingRequestFilter(RadiologistId: radiologistId, States: OpenForReader), ct).ConfigureAwait(false);
        var second = await Requests.ListAsync(new ReadingRequestFilter(SecondReaderId: radiologistId, States: [ReadingState.SecondReading]), ct).ConfigureAwait(false);
        return [.. first.Concat(second).OrderBy(r => r.Deadline)];
    }

    /// <summary>Queued cases this radiologist may claim (qualified, not excluded), by deadline.</summary>
    public async Task<IReadOnlyList<ReadingRequest>> PoolAsync(string radiologistId, CancellationToken ct)
    {
        if (await Directory.FindRadiologistAsync(radiologistId, ct).ConfigureAwait(false) is not { } profile)
        {
            return [];
        }

        var queued = await Requests.ListAsync(new ReadingRequestFilter(States: [ReadingState.Queued]), ct).ConfigureAwait(false);
        return queued.Where(r => Qualification.IsQualified(profile, AssignableCase.From(r, options.ExpectedMinutes(r.Details.Modality)))).ToList();
    }

    /// <summary>Every open request by deadline, flagged at risk once inside the escalation policy's alert lead.</summary>
    public async Task<IReadOnlyList<SlaBoardEntry>> SlaBoardAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await Requests.ListAsync(new ReadingRequestFilter(States: Enum.GetValues<ReadingState>().Where(s => s is < ReadingState.Final).ToList(), Limit: 5000), ct).ConfigureAwait(false);
        return open.Select(r =>
        {
            var alertAt = escalation.Schedule(r).Min(t => t.DueAt);
            return new SlaBoardEntry(r.Id, r.ClinicId, r.Details.Priority, r.State, r.AssignedRadiologistId, r.Deadline,
                Math.Round((r.Deadline - now).TotalMinutes, 1), now >= alertAt, now > r.Deadline);
        }).ToList();
    }

    /// <summary>
    /// A request of the study was (or may have been) written by a unit of work that has now ended: arrivals read its requests
    /// again. Writers outside this class (the escalation processor) call it after their write.
    /// </summary>
    internal void StudyWritten(string clinicId, string studyReference) => _arrivals.Forget(clinicId, studyReference);

    /// <summary>A unit of work that writes requests of one study; the study is forgotten by <see cref="RecentArrivals"/> once it ends.</summary>
    /// <summary>A unit of work that may open a request for the study: under the study's lock (<see cref="ReadingRequestStore.LockStudyAsync"/>).</summary>
    private async Task<T> WriteStudyAsync<T>(string clinicId, string studyReference, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                await Requests.LockStudyAsync(c, t, clinicId, studyReference, ct).ConfigureAwait(false);
                return await work(c, t).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            StudyWritten(clinicId, studyReference);
        }
    }

    /// <summary>
    /// Loads (locking the row on PostgreSQL), changes (the delegate returns an error to refuse) and saves one request with a version
    /// check. With <paramref name="expectedVersion"/> the change is refused when the request moved since the caller saw it; without,
    /// it is decided on the latest committed state and is never lost to a writer that committed in between.
    /// </summary>
    public Task<CommandOutcome> MutateAsync(Guid id, int? expectedVersion, Func<ReadingRequest, CommandOutcome?> change, CancellationToken ct) =>
        MutateAsync(id, expectedVersion, change, ct, forgetArrivals: true);

    private async Task<CommandOutcome> MutateAsync(Guid id, int? expectedVersion, Func<ReadingRequest, CommandOutcome?> change, CancellationToken ct,
        bool forgetArrivals)
    {
        (string ClinicId, string StudyReference)? study = null;
        try
        {
            return await db.WriteAsync(async (c, t) =>
            {
                if (await Requests.FindForUpdateAsync(c, t, id, ct).ConfigureAwait(false) is not { } request)
                {
                    return CommandOutcome.Fail(ReadingError.NotFound, $"Request {id} not found.");
                }

                study = (request.ClinicId, request.StudyReference);
                var loaded = request.Version;
                if (expectedVersion is { } v && v != loaded)
                {
                    return CommandOutcome.Fail(ReadingError.ConcurrencyConflict, $"Request {id} changed (version {loaded}, expected {v}); reload and retry.");
                }

                if (change(request) is { } refused)
                {
                    return refused;
                }

                return await Requests.TrySaveAsync(c, t, request, loaded, ct).ConfigureAwait(false)
                    ? CommandOutcome.Ok(request)
                    : CommandOutcome.Fail(ReadingError.ConcurrencyConflict, $"Request {id} was changed by someone else; reload and retry.");
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            if (forgetArrivals && study is { } s)
            {
                StudyWritten(s.ClinicId, s.StudyReference);
            }
        }
    }

    private CommandOutcome? Chain(ReadingRequest r, Actor actor, string reason, params ReadingCommand[] commands)
    {
        foreach (var command in commands)
        {
            var result = r.Apply(command, new CommandContext(actor, clock.GetUtcNow(), reason));
            if (!result.IsAccepted)
            {
                return CommandOutcome.From(result, r);
            }
        }

        return null;
    }
}
