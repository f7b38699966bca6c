using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Reading.Tests.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Application;

/// <summary>
/// A series arrives as hundreds of instances within seconds: the service remembers for a moment that more images of the
/// study change nothing, and any change to the study's requests in between is seen by the very next arrival.
/// </summary>
public sealed class ImageBurstTests
{
    private static readonly Actor ClinicUser = new("dr-sato", ActorRole.ClinicUser);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static readonly StudyFromImages Header = new("P-123", ImagingModality.CT, BodyRegion.Chest, "Fever; pneumonia?", "CT CHEST", "Yamada Taro");

    private sealed record Setup(ReadingService Service, CountingDatabase Db, FakeTimeProvider Clock);

    private static async Task<Setup> SetUpAsync(ReadingDatabase d)
    {
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var db = new CountingDatabase(d.Db);
        var service = new ReadingService(db, clock, new ReadingOptions(), new AssignmentEngine(new AssignmentOptions()), EscalationPolicy.Default);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        return new Setup(service, db, clock);
    }

    private static Task<IReadOnlyList<CommandOutcome>> ArriveAsync(ReadingService service, string study = "study-1") =>
        service.ImagesArrivedAsync(new ImagesReceived("clinic-a", study, 1, Header, "C-STORE"), Ct);

    /// <summary>A clinic's request whose first image has been recorded a minute after it was filed.</summary>
    private static async Task<Guid> FiledWithFirstImageAsync(Setup s, string study = "study-1")
    {
        var id = (await s.Service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", study, TestData.Details()), ClinicUser, Ct)).Request!.Id;
        s.Clock.Advance(TimeSpan.FromMinutes(1));
        await ArriveAsync(s.Service, study);
        return id;
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_burst_of_images_reads_the_studys_requests_once_per_clock_step_and_answers_as_a_fresh_read_would(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var id = await FiledWithFirstImageAsync(s);
        var firstImageAt = s.Clock.GetUtcNow();
        var stored = (await s.Service.FindAsync(id, Ct))!;
        var opened = s.Db.Opened;

        for (var i = 0; i < 19; i++)
        {
            s.Clock.Advance(Step);
            var outcome = Assert.Single(await ArriveAsync(s.Service));
            Assert.True(outcome.Succeeded);
            Assert.Equal((id, ReadingState.Received, firstImageAt, stored.Version, false),
                (outcome.Request!.Id, outcome.Request.State, outcome.Request.LastImageAt, outcome.Request.Version, outcome.Request.TimelineLoaded));
        }

        Assert.Equal(opened, s.Db.Opened);

        // A service that remembers nothing (another process) reads the same answer.
        var fresh = Assert.Single(await ArriveAsync(d.Service(s.Clock))).Request!;
        Assert.Equal((id, ReadingState.Received, firstImageAt, stored.Version), (fresh.Id, fresh.State, fresh.LastImageAt, fresh.Version));

        // 2 s after the first image the clock is moved (one read, one write), and the next step is remembered from that.
        s.Clock.Advance(Step);
        await ArriveAsync(s.Service);
        Assert.Equal(opened + 2, s.Db.Opened);
        var movedAt = s.Clock.GetUtcNow();
        for (var i = 0; i < 19; i++)
        {
            s.Clock.Advance(Step);
            Assert.Equal(movedAt, Assert.Single(await ArriveAsync(s.Service)).Request!.LastImageAt);
        }

        Assert.Equal(opened + 2, s.Db.Opened);
        var after = (await s.Service.FindAsync(id, Ct))!;
        Assert.Equal((movedAt, stored.Version + 1), (after.LastImageAt, after.Version));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task The_clinic_marking_the_study_complete_between_two_images_is_seen_by_the_next_image(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var id = await FiledWithFirstImageAsync(s);
        s.Clock.Advance(Step);
        await ArriveAsync(s.Service);

        Assert.True((await s.Service.MarkCompleteAsync(id, ClinicUser, Ct)).Succeeded);
        s.Clock.Advance(Step);
        var outcome = Assert.Single(await ArriveAsync(s.Service));

        Assert.Equal(ReadingState.Received, outcome.Request!.State);
        var r = (await s.Service.FindAsync(id, Ct))!;
        Assert.Equal(ReadingState.Received, r.State);
        Assert.Equal(ReadingCommand.LateImages, r.Timeline[^1].Command);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_cancellation_between_two_images_is_seen_by_the_next_image(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var id = await FiledWithFirstImageAsync(s);
        s.Clock.Advance(Step);
        await ArriveAsync(s.Service);

        Assert.True((await s.Service.ExecuteAsync(id, ReadingCommand.Cancel, ClinicUser, "sent by mistake", null, null, Ct)).Succeeded);
        var cancelled = (await s.Service.FindAsync(id, Ct))!;
        s.Clock.Advance(Step);

        Assert.Empty(await ArriveAsync(s.Service));
        var r = (await s.Service.FindAsync(id, Ct))!;
        Assert.Equal((ReadingState.Cancelled, cancelled.Version), (r.State, r.Version));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task The_clinics_details_for_a_study_opened_from_its_images_are_in_the_answer_to_the_next_image(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var opened = Assert.Single(await ArriveAsync(s.Service)).Request!;
        s.Clock.Advance(Step);
        await ArriveAsync(s.Service);
        s.Clock.Advance(Step);
        Assert.Equal(RequestOrigin.Images, Assert.Single(await ArriveAsync(s.Service)).Request!.Origin);

        var filed = await s.Service.ReceiveAsync(new NewReadingRequest("clinic-a", "P-123-clinic", "study-1", TestData.Details()), ClinicUser, Ct);
        Assert.Equal(opened.Id, filed.Request!.Id);
        s.Clock.Advance(Step);
        var answer = Assert.Single(await ArriveAsync(s.Service)).Request!;

        Assert.Equal((opened.Id, RequestOrigin.Clinic, "P-123-clinic"), (answer.Id, answer.Origin, answer.PatientId));
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_second_request_filed_for_the_study_between_two_images_has_its_first_image_recorded_by_the_next(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var first = await FiledWithFirstImageAsync(s);
        s.Clock.Advance(Step);
        await ArriveAsync(s.Service);

        var second = (await s.Service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-1", TestData.Details(ReadingPriority.Urgent)), ClinicUser, Ct))
            .Request!.Id;
        s.Clock.Advance(Step);
        var outcomes = await ArriveAsync(s.Service);

        Assert.Equal(new[] { first, second }.Order(), outcomes.Select(o => o.Request!.Id).Order());
        Assert.Equal(s.Clock.GetUtcNow(), (await s.Service.FindAsync(second, Ct))!.LastImageAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_study_without_a_request_is_read_again_on_every_image_so_a_request_filed_meanwhile_is_found(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        Assert.Empty(await s.Service.ImagesArrivedAsync("clinic-a", "study-2", 1, Ct));
        s.Clock.Advance(Step);
        Assert.Empty(await s.Service.ImagesArrivedAsync("clinic-a", "study-2", 1, Ct));

        // Filed by another process: nothing here could have told this one.
        var filed = (await d.Service(s.Clock).ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-2", TestData.Details()), ClinicUser, Ct)).Request!;
        s.Clock.Advance(Step);

        Assert.Equal(filed.Id, Assert.Single(await s.Service.ImagesArrivedAsync("clinic-a", "study-2", 1, Ct)).Request!.Id);
        Assert.Equal(s.Clock.GetUtcNow(), (await s.Service.FindAsync(filed.Id, Ct))!.LastImageAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task Images_of_other_studies_are_remembered_each_on_their_own(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var s = await SetUpAsync(d);
        var one = (await s.Service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-1", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        var two = (await s.Service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "study-2", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        s.Clock.Advance(TimeSpan.FromMinutes(1));
        await ArriveAsync(s.Service, "study-1");
        await ArriveAsync(s.Service, "study-2");
        s.Clock.Advance(Step);

        Assert.True((await s.Service.MarkCompleteAsync(two, ClinicUser, Ct)).Succeeded);
        var opened = s.Db.Opened;
        Assert.Equal(one, Assert.Single(await ArriveAsync(s.Service, "study-1")).Request!.Id);
        Assert.Equal(opened, s.Db.Opened);
        Assert.Equal(ReadingState.Received, Assert.Single(await ArriveAsync(s.Service, "study-2")).Request!.State);
        Assert.Equal(ReadingCommand.LateImages, (await s.Service.FindAsync(two, Ct))!.Timeline[^1].Command);
    }
}
