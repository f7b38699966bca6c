using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Reading.Tests.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Application;

public sealed class RequestsFromImagesTests
{
    private static readonly Actor ClinicUser = new("dr-sato", ActorRole.ClinicUser);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly StudyFromImages Header = new("P-123", ImagingModality.CT, BodyRegion.Chest, "Fever and cough; pneumonia?", "CT CHEST W/O",
        "Yamada Taro");

    private static ImagesReceived Images(string study = "1.2.3", string clinic = "clinic-a") => new(clinic, study, 1, Header, "C-STORE");

    private static Clinic Contract(bool fromImages = true, ReadingPriority priority = ReadingPriority.SameDay, string id = "clinic-a")
    {
        var c = ReadingDatabase.Clinic(id);
        return c with { Contract = c.Contract with { CreateRequestsFromImages = fromImages, ImageOnlyPriority = priority } };
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Images_of_a_study_without_a_request_open_one_with_the_headers_details_and_the_contracts_priority_and_deadline(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(Contract(priority: ReadingPriority.SameDay), Ct);

        await service.ImagesArrivedAsync(Images(), Ct);

        var listed = Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
        var r = (await service.FindAsync(listed.Id, Ct))!;
        Assert.Equal(("P-123", "1.2.3", RequestOrigin.Images, ReadingState.Received), (r.PatientId, r.StudyReference, r.Origin, r.State));
        Assert.Equal((ImagingModality.CT, BodyRegion.Chest, ReadingPriority.SameDay, "Yamada Taro"),
            (r.Details.Modality, r.Details.BodyRegion, r.Details.Priority, r.Details.RequestingDoctor));
        Assert.StartsWith(ReadingService.FromImagesPrefix, r.Details.ClinicalQuestion, StringComparison.Ordinal);
        Assert.Contains("Fever and cough; pneumonia?", r.Details.ClinicalQuestion, StringComparison.Ordinal);
        Assert.Contains("CT CHEST W/O", r.Details.ClinicalQuestion, StringComparison.Ordinal);
        Assert.Equal(DeadlineCalculator.Compute(ReadingPriority.SameDay, clock.GetUtcNow(), SlaTerms.Standard24x7), r.Deadline);
        var entry = Assert.Single(r.Timeline);
        Assert.Equal((ReadingCommand.CreateFromImages, Actor.System), (entry.Command, entry.Actor));
        Assert.Contains("created from images received by C-STORE", entry.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(await new EscalationTimerStore(d.Db).ListForRequestAsync(r.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Two_hundred_concurrent_arrivals_of_one_study_through_two_processes_open_exactly_one_request(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var first = d.Service(clock);
        await first.Directory.UpsertClinicAsync(Contract(), Ct);
        d.Reopen();
        var second = d.Service(clock);

        // 200 arrivals released at once; at most 32 hold a connection at a time (as many associations would), so the shared
        // PostgreSQL server keeps connection slots for other tests.
        using var start = new ManualResetEventSlim();
        using var lanes = new SemaphoreSlim(32);
        var arrivals = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            start.Wait(TimeSpan.FromSeconds(30));
            await lanes.WaitAsync(Ct);
            try
            {
                await (i % 2 == 0 ? first : second).ImagesArrivedAsync(Images("9.9.9"), Ct);
            }
            finally
            {
                lanes.Release();
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(arrivals);

        var r = Assert.Single(await first.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a", StudyReference: "9.9.9"), Ct));
        Assert.Equal(RequestOrigin.Images, r.Origin);
        Assert.Single((await first.FindAsync(r.Id, Ct))!.Timeline, t => t.Command == ReadingCommand.CreateFromImages);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_contract_with_the_switch_off_opens_no_request_from_images(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(Contract(fromImages: false), Ct);

        await service.ImagesArrivedAsync(Images(), Ct);

        Assert.Empty(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_later_clinic_request_replaces_the_details_taken_from_the_images_and_one_request_remains(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(Contract(priority: ReadingPriority.Routine), Ct);
        var opened = (await service.ImagesArrivedAsync(Images(), Ct))[0].Request!;
        clock.Advance(TimeSpan.FromMinutes(10));
        var clinics = new NewReadingRequest("clinic-a", "P-123-clinic", "1.2.3", TestData.Details(ReadingPriority.Urgent, region: BodyRegion.Abdomen));

        var outcome = await service.ReceiveAsync(clinics, ClinicUser, Ct, idempotencyKey: "clinic-key");
        var retried = await service.ReceiveAsync(clinics, ClinicUser, Ct, idempotencyKey: "clinic-key");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(opened.Id, outcome.Request!.Id);
        Assert.Equal(opened.Id, retried.Request!.Id);
        var r = (await service.FindAsync(Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct)).Id, Ct))!;
        Assert.Equal(opened.Id, r.Id);
        Assert.Equal((RequestOrigin.Clinic, "P-123-clinic", ReadingPriority.Urgent, BodyRegion.Abdomen, TestData.Details().ClinicalQuestion),
            (r.Origin, r.PatientId, r.Details.Priority, r.Details.BodyRegion, r.Details.ClinicalQuestion));
        Assert.Equal(DeadlineCalculator.Compute(ReadingPriority.Urgent, clock.GetUtcNow(), SlaTerms.Standard24x7), r.Deadline);
        Assert.Equal([ReadingCommand.CreateFromImages, ReadingCommand.SupplyDetails], r.Timeline.Select(t => t.Command));
        Assert.StartsWith("details supplied by the clinic", r.Timeline[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(ClinicUser, r.Timeline[^1].Actor);
        var timers = await new EscalationTimerStore(d.Db).ListForRequestAsync(r.Id, Ct);
        Assert.All(timers.Where(t => t.Outcome is null), t => Assert.True(t.DueAt < r.Deadline));
        Assert.Contains(timers, t => t.Outcome is not null && t.Outcome.StartsWith("superseded", StringComparison.Ordinal));

        // The images keep moving the clock of the one request; they open no other.
        await service.ImagesArrivedAsync(Images(), Ct);
        Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_clinic_request_for_a_study_already_with_a_radiologist_is_refused_naming_the_request(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(Contract(), Ct);
        var opened = (await service.ImagesArrivedAsync(Images(), Ct))[0].Request!;
        await service.MarkCompleteAsync(opened.Id, Actor.System, Ct);
        Assert.True((await service.ExecuteAsync(opened.Id, ReadingCommand.Assign, Actor.System, "test", "rad-1", null, Ct)).Succeeded);

        var outcome = await service.ReceiveAsync(new NewReadingRequest("clinic-a", "P-123", "1.2.3", TestData.Details(ReadingPriority.Urgent)), ClinicUser, Ct);

        Assert.Equal(ReadingError.StudyAlreadyInReading, outcome.Error);
        Assert.Equal(opened.Id, outcome.Request!.Id);
        Assert.Contains(opened.Id.ToString(), outcome.Message, StringComparison.Ordinal);
        var r = (await service.FindAsync(opened.Id, Ct))!;
        Assert.Equal((ReadingState.Assigned, ReadingPriority.SameDay), (r.State, r.Details.Priority));
        Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_cancelled_study_stays_cancelled_when_more_images_arrive_and_only_the_clinic_can_ask_again(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(Contract(), Ct);
        var opened = (await service.ImagesArrivedAsync(Images(), Ct))[0].Request!;
        Assert.True((await service.ExecuteAsync(opened.Id, ReadingCommand.Cancel, ClinicUser, "sent by mistake", null, null, Ct)).Succeeded);

        Assert.Empty(await service.ImagesArrivedAsync(Images(), Ct));
        var cancelled = Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct));
        Assert.Equal(ReadingState.Cancelled, cancelled.State);

        var asked = await service.ReceiveAsync(new NewReadingRequest("clinic-a", "P-123", "1.2.3", TestData.Details()), ClinicUser, Ct);
        Assert.True(asked.Succeeded, asked.Message);
        Assert.NotEqual(opened.Id, asked.Request!.Id);
        Assert.Equal(ReadingState.Cancelled, (await service.FindAsync(opened.Id, Ct))!.State);
        Assert.Equal(2, (await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Images_of_a_study_the_clinic_already_filed_open_nothing_else_and_another_clinics_study_is_its_own(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(Contract(), Ct);
        await service.Directory.UpsertClinicAsync(Contract(id: "clinic-b"), Ct);
        var filed = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "P-123", "1.2.3", TestData.Details()), ClinicUser, Ct)).Request!;

        await service.ImagesArrivedAsync(Images(), Ct);
        await service.ImagesArrivedAsync(Images(clinic: "clinic-b"), Ct);

        Assert.Equal([filed.Id], (await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-a"), Ct)).Select(r => r.Id));
        Assert.Equal(RequestOrigin.Images, Assert.Single(await service.Requests.ListAsync(new ReadingRequestFilter(ClinicId: "clinic-b"), Ct)).Origin);
    }

    [Fact]
    public void A_contract_stored_before_the_settings_existed_opens_requests_from_images_at_routine_priority()
    {
        var stored = ReadingJson.Serialize(ReadingDatabase.Clinic().Contract)
            .Replace(",\"createRequestsFromImages\":true", "", StringComparison.Ordinal)
            .Replace(",\"imageOnlyPriority\":\"Routine\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("imageOnly", stored, StringComparison.Ordinal);

        var contract = ReadingJson.Deserialize<ClinicContract>(stored);

        Assert.Equal((true, ReadingPriority.Routine), (contract.CreateRequestsFromImages, contract.ImageOnlyPriority));
    }
}
