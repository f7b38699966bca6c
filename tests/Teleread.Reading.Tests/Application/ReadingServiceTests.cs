using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Tests.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Application;

public sealed class ReadingServiceTests
{
    private static readonly Actor ClinicUser = new("dr-sato", ActorRole.ClinicUser);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static TheoryData<string, ReadingPriority, DateTimeOffset, DateTimeOffset> ContractDeadlines => new()
    {
        { "24x7", ReadingPriority.Urgent, new(2026, 1, 31, 23, 30, 0, Jst), new(2026, 2, 1, 0, 30, 0, Jst) },
        { "24x7", ReadingPriority.SameDay, new(2026, 2, 28, 15, 30, 0, Jst), new(2026, 3, 1, 20, 0, 0, Jst) },
        { "business", ReadingPriority.Routine, new(2026, 4, 30, 17, 0, 0, Jst), new(2026, 5, 13, 11, 0, 0, Jst) },
        { "business", ReadingPriority.SameDay, new(2026, 12, 31, 16, 0, 0, Jst), new(2027, 1, 4, 18, 0, 0, Jst) },
        { "business", ReadingPriority.SameDay, new(2026, 9, 21, 10, 0, 0, Jst), new(2026, 9, 24, 18, 0, 0, Jst) },
        { "business", ReadingPriority.Urgent, new(2026, 5, 3, 23, 45, 0, Jst), new(2026, 5, 4, 0, 45, 0, Jst) },
    };

    [Theory]
    [MemberData(nameof(ContractDeadlines))]
    public async Task The_deadline_comes_from_the_clinics_contract_and_the_clock(string contract, ReadingPriority priority, DateTimeOffset now, DateTimeOffset expected)
    {
        await using var d = await ReadingDatabase.CreateAsync();
        var service = d.Service(new FakeTimeProvider(now));
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(sla: contract == "24x7" ? SlaTerms.Standard24x7 : SlaTerms.BusinessHoursJapan), Ct);

        var outcome = await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details(priority)), ClinicUser, Ct);
        Assert.Equal(expected, outcome.Request!.Deadline);
        Assert.Equal(now, outcome.Request.ReceivedAt);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_retried_submission_with_the_same_idempotency_key_returns_the_first_request(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var service = d.Service(new FakeTimeProvider(TestData.Monday0900Jst));
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic("clinic-b"), Ct);
        var n = new NewReadingRequest("clinic-a", "p", "s", TestData.Details());

        var first = await service.ReceiveAsync(n, ClinicUser, Ct, idempotencyKey: "key-1");
        var again = await service.ReceiveAsync(n, ClinicUser, Ct, idempotencyKey: "key-1");
        var otherClinic = await service.ReceiveAsync(n with { ClinicId = "clinic-b" }, ClinicUser, Ct, idempotencyKey: "key-1");
        var noKey = await service.ReceiveAsync(n, ClinicUser, Ct);

        Assert.Equal(first.Request!.Id, again.Request!.Id);
        Assert.NotEqual(first.Request.Id, otherClinic.Request!.Id);
        Assert.NotEqual(first.Request.Id, noKey.Request!.Id);
        Assert.Equal(2, (await service.Requests.ListAsync(new(ClinicId: "clinic-a"), Ct)).Count);
    }

    [Fact]
    public async Task Earlier_studies_of_the_same_patient_at_the_same_clinic_are_linked_as_priors()
    {
        await using var d = await ReadingDatabase.CreateAsync();
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(), Ct);
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic("clinic-b"), Ct);
        await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p-1", "ct-2024", TestData.Details() with { PriorStudyReferences = [] }), ClinicUser, Ct);
        clock.Advance(TimeSpan.FromDays(30));
        await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p-1", "ct-2025", TestData.Details() with { PriorStudyReferences = [] }), ClinicUser, Ct);
        await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p-2", "other-patient", TestData.Details() with { PriorStudyReferences = [] }), ClinicUser, Ct);
        await service.ReceiveAsync(new NewReadingRequest("clinic-b", "p-1", "other-clinic", TestData.Details() with { PriorStudyReferences = [] }), ClinicUser, Ct);
        clock.Advance(TimeSpan.FromDays(30));

        var latest = await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p-1", "ct-2026", TestData.Details() with { PriorStudyReferences = ["outside-film"] }), ClinicUser, Ct);

        Assert.Equal(["outside-film", "ct-2025", "ct-2024"], latest.Request!.Details.PriorStudyReferences);
    }

    [Theory]
    [MemberData(nameof(ReadingDatabase.Providers), MemberType = typeof(ReadingDatabase))]
    public async Task A_contract_requiring_double_reading_sends_the_report_to_another_board_certified_radiologist(string provider)
    {
        await using var d = await ReadingDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestData.Monday0900Jst);
        var service = d.Service(clock);
        var worker = new ReadingWorker(service, new EscalationProcessor(d.Db, service, "w"));
        await service.Directory.UpsertClinicAsync(ReadingDatabase.Clinic(secondReading: true), Ct);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-1"), Ct);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-uncertified", board: false), Ct);
        var id = (await service.ReceiveAsync(new NewReadingRequest("clinic-a", "p", "s", TestData.Details()), ClinicUser, Ct)).Request!.Id;
        await service.MarkCompleteAsync(id, ClinicUser, Ct);
        Assert.Equal("rad-1", Assert.Single(await service.AssignQueuedAsync(Ct)).RadiologistId);
        var asReader = new Actor("rad-1", ActorRole.Radiologist);
        await service.ExecuteAsync(id, ReadingCommand.StartReading, asReader, "start", null, null, Ct);
        await service.ExecuteAsync(id, ReadingCommand.SubmitPreliminary, asReader, "done", null, null, Ct);

        // Only board-certified colleagues second-read: with rad-1 as first reader nobody is eligible yet.
        Assert.Equal(0, (await worker.RunOnceAsync(Ct)).SentToSecondReading);
        await service.Directory.UpsertRadiologistAsync(TestData.Radiologist("rad-2"), Ct);
        const string expectedSecond = "rad-2";

        Assert.Equal(1, (await worker.RunOnceAsync(Ct)).SentToSecondReading);
        var r = (await service.FindAsync(id, Ct))!;
        Assert.Equal(ReadingState.SecondReading, r.State);
        Assert.Equal(expectedSecond, r.SecondReaderId);
        Assert.Equal([r.Id], (await service.WorklistAsync(expectedSecond, Ct)).Select(x => x.Id));
        Assert.True((await service.ExecuteAsync(id, ReadingCommand.Finalize, new Actor(expectedSecond, ActorRole.Radiologist), "agree", null, null, Ct)).Succeeded);
    }
}
