using Teleread.Data;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Persistence;

public sealed class ReadingPersistenceTests
{
    private static readonly Actor ClinicUser = new("dr-sato", ActorRole.ClinicUser);
    private static readonly Actor Operator = new("op-1", ActorRole.Operator);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_request_round_trips_with_its_details_timeline_and_version(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);

        var created = await service.ReceiveAsync(new NewReadingRequest("clinic-a", "patient-1", "study-1", TestData.Details(ReadingPriority.SameDay)), ClinicUser, Ct);
        var id = created.Request!.Id;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await service.MarkCompleteAsync(id, ClinicUser, Ct)).Succeeded);

        var loaded = await service.FindAsync(id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(ReadingState.Queued, loaded.State);
        Assert.Equal(TestData.Details(ReadingPriority.SameDay) with { Attachments = [], PriorStudyReferences = [] },
            loaded.Details with { Attachments = [], PriorStudyReferences = [] });
        Assert.Equal("shoukaijou.pdf", Assert.Single(loaded.Details.Attachments).FileName);
        Assert.Equal(["study-prior-1"], loaded.Details.PriorStudyReferences);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.FromHours(9)), loaded.Deadline);
        Assert.Equal([(ReadingState.Received, ReadingState.ImagesComplete), (ReadingState.ImagesComplete, ReadingState.Queued)],
            loaded.Timeline.Select(t => (t.From, t.To)));
        Assert.All(loaded.Timeline, t => Assert.Equal((ClinicUser, TestData.Monday0900Jst.AddMinutes(1), "marked complete by the clinic"), (t.Actor, t.At, t.Reason)));
        Assert.Equal(2, loaded.Version);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_radiologist_profile_with_shifts_in_another_time_zone_round_trips(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var store = new ReadingDirectoryStore(d.Db);
        var profile = TestData.Radiologist("rad-berlin", TestData.Weekdays("Europe/Berlin", "09:00", 8), credentials: [Qualification.MammographyCredential], excluded: ["clinic-x"]);
        await store.UpsertRadiologistAsync(profile, Ct);

        var loaded = await store.FindRadiologistAsync("rad-berlin", Ct);
        Assert.NotNull(loaded);
        Assert.Equal("Europe/Berlin", loaded.Shifts.TimeZoneId);
        Assert.Equal(profile.Shifts.Windows, loaded.Shifts.Windows);
        Assert.Equal(profile.Modalities.Order(), loaded.Modalities.Order());
        Assert.Contains("clinic-x", loaded.ExcludedClinicIds);
        Assert.True(loaded.Shifts.IsOnShift(new DateTimeOffset(2026, 6, 1, 16, 30, 0, TimeSpan.FromHours(9))));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Saving_over_a_stale_copy_is_refused(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details()), ClinicUser, Ct)).Request!.Id;

        var first = (await service.FindAsync(id, Ct))!;
        var stale = (await service.FindAsync(id, Ct))!;
        first.Apply(ReadingCommand.CompleteImages, new CommandContext(Operator, clock.GetUtcNow(), "one"));
        stale.Apply(ReadingCommand.Cancel, new CommandContext(Operator, clock.GetUtcNow(), "two"));

        Assert.True(await d.Db.WriteAsync((c, t) => service.Requests.TrySaveAsync(c, t, first, 0, Ct), Ct));
        Assert.False(await d.Db.WriteAsync((c, t) => service.Requests.TrySaveAsync(c, t, stale, 0, Ct), Ct));
        Assert.Equal(ReadingState.ImagesComplete, (await service.FindAsync(id, Ct))!.State);
        Assert.Equal(ReadingError.ConcurrencyConflict, (await service.ExecuteAsync(id, ReadingCommand.Cancel, Operator, "late", null, expectedVersion: 0, Ct)).Error);

        var summary = Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
        summary.Apply(ReadingCommand.Enqueue, new CommandContext(Operator, clock.GetUtcNow(), "from a list"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => d.Db.WriteAsync((c, t) => service.Requests.TrySaveAsync(c, t, summary, 1, Ct), Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Two_radiologists_claiming_the_same_case_at_once_exactly_one_wins(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var rivals = Enumerable.Range(1, 4).Select(i => $"rad-{i}").ToArray();
        var service = await d.ServiceWithRadiologistsAsync(clock, rivals);

        for (var round = 0; round < 5; round++)
        {
            var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", $"s{round}", TestData.Details()), ClinicUser, Ct)).Request!.Id;
            await service.MarkCompleteAsync(id, ClinicUser, Ct);

            using var start = new Barrier(rivals.Length);
            var outcomes = await Task.WhenAll(rivals.Select(r => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return service.ClaimAsync(id, r, Ct);
            })));

            var winner = Assert.Single(outcomes, o => o.Succeeded);
            Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains(o.Error,
                new ReadingError?[] { ReadingError.ConcurrencyConflict, ReadingError.IllegalTransition, ReadingError.LockedByAnother }));
            var stored = (await service.FindAsync(id, Ct))!;
            Assert.Equal(ReadingState.Reading, stored.State);
            Assert.Equal(winner.Request!.AssignedRadiologistId, stored.AssignedRadiologistId);
            Assert.Equal(stored.AssignedRadiologistId, stored.LockHolder);
            Assert.Single(stored.Timeline, t => t.Command == ReadingCommand.Claim);
        }
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_case_whose_reader_went_away_returns_to_the_pool_after_the_lock_lapses(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = d.Service(clock, new ReadingOptions { LockTtl = TimeSpan.FromMinutes(10), LapsedLockGrace = TimeSpan.FromMinutes(5) });
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-1"), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        await service.MarkCompleteAsync(id, ClinicUser, Ct);
        Assert.True((await service.ClaimAsync(id, "rad-1", Ct)).Succeeded);

        clock.Set(t0.AddMinutes(8));
        Assert.True((await service.RenewLockAsync(id, "rad-1", Ct)).Succeeded);
        clock.Set(t0.AddMinutes(22));
        Assert.Equal(0, await service.ReleaseLapsedLocksAsync(Ct));
        clock.Set(t0.AddMinutes(23));
        Assert.Equal(1, await service.ReleaseLapsedLocksAsync(Ct));

        var r = (await service.FindAsync(id, Ct))!;
        Assert.Equal((ReadingState.Queued, null, null), (r.State, r.AssignedRadiologistId, r.LockHolder));
        Assert.Equal($"reading lock of rad-1 lapsed at {t0.AddMinutes(18):O}", r.Timeline[^1].Reason);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task An_unqualified_radiologist_cannot_claim(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("mg-only", modalities: [ImagingModality.Mammography]), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        await service.MarkCompleteAsync(id, ClinicUser, Ct);

        Assert.Equal(ReadingError.NotQualified, (await service.ClaimAsync(id, "mg-only", Ct)).Error);
        Assert.Empty(await service.PoolAsync("mg-only", Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_stable_study_is_queued_and_assigned_and_late_images_reopen_it_visibly(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        var worker = new ReadingWorker(service, new EscalationProcessor(d.Db, service, "worker-1"));
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-1"), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-9", TestData.Details()), ClinicUser, Ct)).Request!.Id;

        clock.Advance(TimeSpan.FromMinutes(1));
        await service.ImagesArrivedAsync("clinic-a", "study-9", 20, Ct);
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(new ReadingRoundResult(0, 0, 0, 0, 0), await worker.RunOnceAsync(Ct));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ReadingRoundResult(1, 0, 0, 1, 0), await worker.RunOnceAsync(Ct));
        Assert.Equal(["rad-1"], (await service.WorklistAsync("rad-1", Ct)).Select(r => r.AssignedRadiologistId));

        await service.ImagesArrivedAsync("clinic-a", "study-9", 3, Ct);
        var r = (await service.FindAsync(id, Ct))!;
        Assert.Equal(ReadingState.Assigned, r.State);
        Assert.Equal(ReadingCommand.LateImages, r.Timeline[^1].Command);
        Assert.Equal("3 image(s) arrived after the study was complete", r.Timeline[^1].Reason);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task The_first_image_moves_the_stability_clock_even_a_moment_after_the_request_arrived(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-8", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        clock.Advance(TimeSpan.FromMilliseconds(50));

        await service.ImagesArrivedAsync("clinic-a", "study-8", 1, Ct);

        Assert.Equal(clock.GetUtcNow(), (await service.FindAsync(id, Ct))!.LastImageAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_burst_of_images_moves_the_stability_clock_once_per_resolution_step_not_per_instance(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-7", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        clock.Advance(TimeSpan.FromMinutes(1));
        await service.ImagesArrivedAsync("clinic-a", "study-7", 1, Ct);
        var first = (await service.FindAsync(id, Ct))!;

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(300));
            await service.ImagesArrivedAsync("clinic-a", "study-7", 1, Ct);
        }

        var afterBurst = (await service.FindAsync(id, Ct))!;
        Assert.Equal(first.Version, afterBurst.Version);
        Assert.Equal(first.LastImageAt, afterBurst.LastImageAt);

        clock.Advance(ReadingService.ArrivalClockResolution);
        await service.ImagesArrivedAsync("clinic-a", "study-7", 1, Ct);
        Assert.Equal(clock.GetUtcNow(), (await service.FindAsync(id, Ct))!.LastImageAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_restart_in_the_middle_of_an_escalation_still_escalates_exactly_once(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = await d.ServiceWithRadiologistsAsync(clock, "rad-1");
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details(ReadingPriority.Urgent)), ClinicUser, Ct)).Request!.Id;
        await service.MarkCompleteAsync(id, ClinicUser, Ct);
        Assert.Equal("rad-1", Assert.Single(await service.AssignQueuedAsync(Ct)).RadiologistId);

        // rad-1 never starts. At +40 min both timers are due; the first process leases them and dies before acting.
        clock.Set(t0.AddMinutes(40));
        var dying = new EscalationTimerStore(d.Db);
        Assert.Equal(2, (await dying.LeaseDueAsync("worker-dead", clock.GetUtcNow(), clock.GetUtcNow() + TimeSpan.FromMinutes(2), 50, Ct)).Count);

        // Restart: new database object, new service, new worker; a second radiologist has come on the roster.
        var db = d.Reopen();
        var restarted = d.Service(clock);
        await restarted.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-2"), Ct);
        var processor = new EscalationProcessor(db, restarted, "worker-new");

        Assert.Equal(0, await processor.ProcessDueAsync(Ct));
        clock.Set(t0.AddMinutes(42));
        Assert.Equal(2, await processor.ProcessDueAsync(Ct));
        clock.Set(t0.AddMinutes(50));
        Assert.Equal(0, await processor.ProcessDueAsync(Ct));

        var r = (await restarted.FindAsync(id, Ct))!;
        Assert.Equal(ReadingState.Assigned, r.State);
        Assert.Equal("rad-2", r.AssignedRadiologistId);
        Assert.Equal(ReadingCommand.Reassign, r.Timeline[^1].Command);
        Assert.StartsWith("escalation (Reassign)", r.Timeline[^1].Reason, StringComparison.Ordinal);
        var alerts = await new SlaAlertStore(db).ListAsync(id, 10, Ct);
        Assert.Equal([EscalationStep.Reassign, EscalationStep.Alert], alerts.Select(a => a.Step).Order().Reverse());
        Assert.All(await new EscalationTimerStore(db).ListForRequestAsync(id, Ct), t => Assert.NotNull(t.Outcome));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Timers_scheduled_before_a_restart_fire_after_it_at_their_due_time(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details(ReadingPriority.Urgent)), ClinicUser, Ct)).Request!.Id;

        var db = d.Reopen();
        var processor = new EscalationProcessor(db, d.Service(clock), "after-restart");
        clock.Set(t0.AddMinutes(29));
        Assert.Equal(0, await processor.ProcessDueAsync(Ct));
        clock.Set(t0.AddMinutes(30));
        Assert.Equal(1, await processor.ProcessDueAsync(Ct));
        var alert = Assert.Single(await new SlaAlertStore(db).ListAsync(id, 10, Ct));
        Assert.Equal((EscalationStep.Alert, EscalationAction.Alert), (alert.Step, alert.Action));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task The_sla_board_flags_requests_inside_the_alert_lead_and_overdue(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var t0 = TestData.Monday0900Jst;
        var clock = new FakeTimeProvider(t0);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s1", TestData.Details(ReadingPriority.Urgent)), ClinicUser, Ct);
        await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s2", TestData.Details(ReadingPriority.Routine)), ClinicUser, Ct);

        clock.Set(t0.AddMinutes(35));
        var board = await service.SlaBoardAsync(Ct);
        Assert.Equal([(ReadingPriority.Urgent, true, false, 25.0), (ReadingPriority.Routine, false, false, 1405.0)],
            board.Select(b => (b.Priority, b.AtRisk, b.Overdue, b.MinutesLeft)));
    }
}
