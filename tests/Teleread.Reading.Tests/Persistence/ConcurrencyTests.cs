using Dapper;
using Teleread.Data;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Persistence;

/// <summary>
/// Read-then-decide races of the reading workflow (docs/reading.md, "Concurrency on PostgreSQL"). Each test puts another writer's
/// commit exactly between what a unit of work read and what it writes — with <see cref="HookedDatabase"/> between two units of
/// work, or by holding a unit of work open for a bounded moment while the rival runs — so it fails on PostgreSQL (READ COMMITTED)
/// without the guard, and runs against SQLite as well, where writers take turns.
/// </summary>
public sealed class ConcurrencyTests
{
    private static readonly Actor ClinicUser = new("dr-sato", ActorRole.ClinicUser);
    private static readonly Actor Operator = new("op-1", ActorRole.Operator);
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>How long a unit of work held open waits for a rival that, with the guard, cannot finish before it commits.</summary>
    private static readonly TimeSpan RivalWindow = TimeSpan.FromMilliseconds(400);

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Late_images_arriving_while_the_reader_renews_the_lock_are_recorded_not_lost_to_a_version_conflict(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var id = await QueuedRequestAsync(service);
        Assert.True((await service.ClaimAsync(id, "rad-1", Ct)).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(3));

        // The arrival of a late series (what ImagesArrivedAsync does for a case being read) has read the request; the viewer's lock
        // renewal runs before it writes. The arrival's outcome is not looked at by the ingest path, so a conflict would lose the
        // LateImages entry and the reader would never learn that more images came.
        var renewal = new TaskCompletionSource<Task<CommandOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrival = Task.Run(() => service.MutateAsync(id, null, r =>
        {
            if (!renewal.Task.IsCompleted)
            {
                var rival = Task.Run(() => service.RenewLockAsync(id, "rad-1", Ct));
                renewal.SetResult(rival);
                rival.Wait(RivalWindow);
            }

            var result = r.RecordLateImages(new CommandContext(Actor.System, clock.GetUtcNow(), "1 image(s) arrived after the study was complete"),
                ReadingService.LateImagesBurst);
            return result.IsAccepted ? null : CommandOutcome.From(result, r);
        }, Ct));

        var arrived = await arrival;
        var renewed = await await renewal.Task;
        Assert.True(arrived.Succeeded, $"{arrived.Error}: {arrived.Message}");
        Assert.True(renewed.Succeeded, $"{renewed.Error}: {renewed.Message}");
        var stored = (await service.FindAsync(id, Ct))!;
        Assert.Equal(ReadingCommand.LateImages, stored.Timeline[^1].Command);
        Assert.Equal((ReadingState.Reading, "rad-1"), (stored.State, stored.LockHolder));
        Assert.Equal(clock.GetUtcNow() + new ReadingOptions().LockTtl, stored.LockExpiresAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_radiologist_whose_case_was_reassigned_meanwhile_cannot_release_or_sign_it(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1", "rad-2");
        var rad1 = new Actor("rad-1", ActorRole.Radiologist);
        var rad2 = new Actor("rad-2", ActorRole.Radiologist);

        // The API let rad-1 act on what it read (rad-1 reading); the operator reassigned the case to rad-2 before the command ran.
        var id = await QueuedRequestAsync(service);
        Assert.True((await service.ClaimAsync(id, "rad-1", Ct)).Succeeded);
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.Reassign, Operator, "rad-1 is in a meeting", "rad-2", null, Ct)).Succeeded);
        var released = await service.ExecuteAsync(id, ReadingCommand.Release, rad1, "Release by rad-1", null, null, Ct);
        Assert.Equal(ReadingError.NotTheAssignee, released.Error);
        Assert.Equal((ReadingState.Assigned, "rad-2"), ((await service.FindAsync(id, Ct))!.State, (await service.FindAsync(id, Ct))!.AssignedRadiologistId));

        // rad-2 reported it; the operator sent it back and the first reader signed it. A stale Finalize from rad-1 or the
        // previous reader must not sign someone else's report either.
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.StartReading, rad2, "go", null, null, Ct)).Succeeded);
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.SubmitPreliminary, rad2, "draft", null, null, Ct)).Succeeded);
        var signed = await service.ExecuteAsync(id, ReadingCommand.Finalize, rad1, "Finalize by rad-1", null, null, Ct);
        Assert.Equal(ReadingError.NotTheAssignee, signed.Error);
        Assert.Equal(ReadingState.Preliminary, (await service.FindAsync(id, Ct))!.State);
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.Finalize, rad2, "Finalize by rad-2", null, null, Ct)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task An_alert_timer_that_falls_due_as_the_case_is_finalised_raises_no_alert(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var rad1 = new Actor("rad-1", ActorRole.Radiologist);
        var id = await QueuedRequestAsync(service, ReadingPriority.Urgent);
        Assert.True((await service.ClaimAsync(id, "rad-1", Ct)).Succeeded);

        // At +30 min the alert timer is due. The worker has leased it and read the case (still Reading); rad-1 signs the report
        // before the worker writes its decision.
        clock.Set(t0.AddMinutes(30));
        var hooked = new HookedDatabase(d.Db, beforeWrite: 2, async () =>
        {
            Assert.True((await service.ExecuteAsync(id, ReadingCommand.SubmitPreliminary, rad1, "draft", null, null, Ct)).Succeeded);
            Assert.True((await service.ExecuteAsync(id, ReadingCommand.Finalize, rad1, "signed", null, null, Ct)).Succeeded);
        });
        var processor = new EscalationProcessor(hooked, service, "worker-1");

        Assert.Equal(1, await processor.ProcessDueAsync(Ct));
        Assert.True(hooked.Fired);
        Assert.Empty(await new SlaAlertStore(d.Db).ListAsync(id, 10, Ct));
        Assert.Empty(await NotificationsAsync(d.Db, id));
        var timer = Assert.Single(await new EscalationTimerStore(d.Db).ListForRequestAsync(id, Ct), t => t.Step == EscalationStep.Alert);
        Assert.StartsWith("None: request is Final", timer.Outcome, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_worker_whose_escalation_lease_lapsed_mid_way_writes_nothing_and_the_timer_escalates_once(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var id = await QueuedRequestAsync(service, ReadingPriority.Urgent);
        Assert.Equal("rad-1", Assert.Single(await service.AssignQueuedAsync(Ct)).RadiologistId);

        // Worker A leases the alert timer and reads the case, then stalls past its lease; worker B takes the timer over and finishes it.
        clock.Set(t0.AddMinutes(30));
        var other = new EscalationProcessor(d.Db, service, "worker-b");
        var takenOver = 0;
        var slow = new EscalationProcessor(new HookedDatabase(d.Db, beforeWrite: 2, async () =>
        {
            clock.Advance(new ReadingOptions().EscalationLease + TimeSpan.FromSeconds(1));
            takenOver = await other.ProcessDueAsync(Ct);
        }), service, "worker-a");

        Assert.Equal(0, await slow.ProcessDueAsync(Ct));
        Assert.Equal(1, takenOver);
        var alert = Assert.Single(await new SlaAlertStore(d.Db).ListAsync(id, 10, Ct));
        Assert.Equal(EscalationStep.Alert, alert.Step);
        var atRisk = (await NotificationsAsync(d.Db, id)).Where(n => n.Kind == nameof(NotificationKind.AtRisk)).ToList();
        Assert.Equal(2, atRisk.Count); // operators and rad-1, once each
        var timer = Assert.Single(await new EscalationTimerStore(d.Db).ListForRequestAsync(id, Ct), t => t.Step == EscalationStep.Alert);
        Assert.StartsWith("Alert:", timer.Outcome, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Two_workers_noticing_the_same_overdue_case_at_once_notify_each_inbox_once(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var id = await QueuedRequestAsync(service, ReadingPriority.Urgent);
        clock.Advance(TimeSpan.FromHours(2));
        var request = (await service.FindAsync(id, Ct))!;
        var overdue = EscalationNotices.Overdue(request, clock.GetUtcNow()).Single();

        // Worker A has inserted the Overdue notification and not yet committed when worker B (another server process) checks for one.
        Task<bool>? rival = null;
        var first = await d.Db.WriteAsync(async (c, t) =>
        {
            var inserted = await NotificationStore.InsertOnceAsync(c, t, overdue, request.Version, Ct);
            rival = Task.Run(() => d.Db.WriteAsync((c2, t2) => NotificationStore.InsertOnceAsync(c2, t2, overdue with { Id = Guid.NewGuid() }, request.Version, Ct), Ct));
            await Task.WhenAny(rival, Task.Delay(RivalWindow));
            return inserted;
        }, Ct);

        Assert.True(first);
        Assert.False(await rival!);
        Assert.Single(await NotificationsAsync(d.Db, id));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_case_finalised_after_the_overdue_round_listed_it_gets_no_overdue_notice(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var rad1 = new Actor("rad-1", ActorRole.Radiologist);
        var id = await QueuedRequestAsync(service, ReadingPriority.Urgent);
        Assert.True((await service.ClaimAsync(id, "rad-1", Ct)).Succeeded);
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.SubmitPreliminary, rad1, "draft", null, null, Ct)).Succeeded);

        // The round listed the case (Preliminary, past its deadline); rad-1 signs it before the round writes its notice.
        clock.Advance(TimeSpan.FromHours(2));
        var hooked = new HookedDatabase(d.Db, beforeWrite: 1, async () =>
            Assert.True((await service.ExecuteAsync(id, ReadingCommand.Finalize, rad1, "signed", null, null, Ct)).Succeeded));

        Assert.Equal(0, await new EscalationProcessor(hooked, service, "worker-1").NotifyOverdueAsync(clock.GetUtcNow(), Ct));
        Assert.True(hooked.Fired);
        Assert.Empty(await NotificationsAsync(d.Db, id));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Workers_running_overdue_rounds_at_once_notify_each_case_once(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await QueuedRequestAsync(service, ReadingPriority.Urgent, $"s{i}"));
        }

        clock.Advance(TimeSpan.FromHours(2));
        var workers = Enumerable.Range(1, 4).Select(i => new EscalationProcessor(d.Db, service, $"worker-{i}")).ToList();
        using var start = new Barrier(workers.Count);
        var notified = await Task.WhenAll(workers.Select(w => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            return w.NotifyOverdueAsync(clock.GetUtcNow(), Ct);
        })));

        Assert.Equal(ids.Count, notified.Sum());
        foreach (var id in ids)
        {
            Assert.Single(await NotificationsAsync(d.Db, id));
        }
    }

    private static async Task<Guid> QueuedRequestAsync(ReadingService service, ReadingPriority priority = ReadingPriority.Routine, string study = "s")
    {
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", study, TestData.Details(priority)), ClinicUser, Ct)).Request!.Id;
        Assert.True((await service.MarkCompleteAsync(id, ClinicUser, Ct)).Succeeded);
        return id;
    }

    private static async Task<List<(string Kind, string Audience)>> NotificationsAsync(IDatabase db, Guid requestId) =>
        await db.ReadAsync(async c => (await c.QueryAsync<(string, string)>(
            "SELECT kind, audience FROM reading_notifications WHERE request_id = @Id", new { Id = requestId.ToString() })).ToList(), Ct);
}
