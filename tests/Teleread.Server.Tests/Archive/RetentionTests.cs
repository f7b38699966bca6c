using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Data;
using Teleread.Archive.Retention;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Server.Archive;
using Teleread.Server.Tests.DicomWeb;
using Teleread.Testing;

namespace Teleread.Server.Tests.Archive;

/// <summary>Each clinic's retention period (admin API) and the retention sweep, with a clock the test moves.</summary>
public sealed class RetentionTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Studies_past_their_clinics_retention_are_deleted_and_audited_unless_kept_forever_or_held_by_an_open_reading_request(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var web = await StartAsync(provider, clock);
        using var a = web.Client(web.ClinicAToken);
        using var b = web.Client(web.ClinicBToken);
        using var op = web.Client(web.OperatorToken);
        var round = web.Server.Service<RetentionRound>();
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/admin/clinics/{web.ClinicBId}/retention", new { keepForever = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(
            SampleStudies.Instance("1.2.392.2.1"), SampleStudies.Instance("1.2.392.2.2")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.2.3")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/clinics/{web.ClinicAId}", ReadingApiTests.Contract(web.ClinicAId))).StatusCode);
        var requestId = await ReadingRequests.CreateAsync(a, "1.2.392.2.2", priority: "Routine");

        clock.Set(new DateTimeOffset(2025, 3, 31, 9, 0, 0, TimeSpan.Zero));
        var early = await round.RunAsync(CancellationToken.None);
        clock.Set(new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var due = await round.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.Deleted + early.Held);
        Assert.Equal((1, 1), (due.Deleted, due.Held));
        Assert.Equal(["1.2.392.2.2"], await DicomWebServer.StudyUidsAsync(a));
        Assert.Equal(["1.2.392.2.3"], await DicomWebServer.StudyUidsAsync(b));
        var audit = await op.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=200") ?? [];
        var entry = Assert.Single(audit, e => e.GetProperty("action").GetString() == "DELETE-STUDY");
        Assert.Equal(RetentionRound.Actor, entry.GetProperty("actorUserId").GetString());
        Assert.Equal($"clinics/{web.ClinicAId}/studies/1.2.392.2.1", entry.GetProperty("resource").GetString());
        Assert.StartsWith("retention period passed: last instance received 2020-04-01", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync($"/api/reading/requests/{requestId}/commands/Cancel", new { reason = "検査中止" })).StatusCode);
        var released = await round.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (released.Deleted, released.Held));
        Assert.Empty(await DicomWebServer.StudyUidsAsync(a));
        Assert.Equal(["1.2.392.2.3"], await DicomWebServer.StudyUidsAsync(b));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_reading_request_filed_and_a_period_lengthened_after_a_sweep_started_are_respected_by_its_deletions(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 4, 1, 9, 0, 0, TimeSpan.Zero));
        WriteGateDatabase gate = null!;
        await using var web = await StartAsync(provider, clock, s => gate = WriteGateDatabase.Replace(s));
        using var a = web.Client(web.ClinicAToken);
        using var b = web.Client(web.ClinicBToken);
        using var op = web.Client(web.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.4.1")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.4.2")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/clinics/{web.ClinicAId}", ReadingApiTests.Contract(web.ClinicAId))).StatusCode);
        clock.Set(new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero)); // both clinics' 5 years have passed

        // The sweep has read both periods and listed clinic A's study; before its first deletion begins, clinic A files a
        // reading request for that study and an operator makes clinic B keep its studies forever.
        var result = await gate.RunBeforeNextWriteAsync(async () =>
        {
            await ReadingRequests.CreateAsync(a, "1.2.392.4.1", priority: "Routine");
            Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/admin/clinics/{web.ClinicBId}/retention", new { keepForever = true })).StatusCode);
        }, () => web.Server.Service<RetentionRound>().RunAsync(CancellationToken.None));

        Assert.True(gate.Fired);
        Assert.Equal(["1.2.392.4.1"], await DicomWebServer.StudyUidsAsync(a));
        Assert.Equal(["1.2.392.4.2"], await DicomWebServer.StudyUidsAsync(b));
        Assert.Equal((0, 1), (result.Deleted, result.Held));
    }

    [Fact]
    public async Task A_reading_request_being_filed_while_retention_deletes_its_study_is_waited_for_and_keeps_the_study()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var web = await StartAsync("postgres", clock);
        using var a = web.Client(web.ClinicAToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.5.1")))).StatusCode);
        clock.Set(new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var db = web.Server.Service<IDatabase>();
        var requests = web.Server.Service<ReadingService>().Requests;

        // A request for the study is being filed (the study's reading lock held, the request inserted, not committed) when the
        // sweep deletes the study: the deletion waits for it and then sees it.
        Task<RetentionSweepResult> sweeping;
        await using (var filing = await db.OpenAsync(CancellationToken.None))
        {
            await using var tx = await filing.BeginTransactionAsync();
            await requests.LockStudyAsync(filing, tx, web.ClinicAId, "1.2.392.5.1", CancellationToken.None);
            var now = clock.GetUtcNow();
            var request = ReadingRequest.Receive(Guid.NewGuid(), web.ClinicAId, "P-1", "1.2.392.5.1",
                new ReadingRequestDetails("頭痛", ImagingModality.MR, BodyRegion.Head, ReadingPriority.Routine, "佐藤", [], []), now, now.AddDays(1), false, false);
            Assert.True(await requests.InsertAsync(filing, tx, request, null, CancellationToken.None, holdsStudy: true));
            sweeping = web.Server.Service<RetentionRound>().RunAsync(CancellationToken.None);
            await LockWaiters.WaitForAsync(db, "the deletion never waited on the request being filed", until: sweeping);

            await tx.CommitAsync();
        }

        var result = await sweeping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["1.2.392.5.1"], await DicomWebServer.StudyUidsAsync(a));
        Assert.Equal((0, 1), (result.Deleted, result.Held));
    }

    [Fact]
    public async Task When_enabled_the_background_sweep_runs_every_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var web = await DicomWebServer.StartAsync("sqlite", services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(new RetentionOptions { Enabled = true, Interval = TimeSpan.FromMilliseconds(200), BatchSize = 10 });
        });
        using var a = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance("1.2.392.7.1")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/admin/clinics/{web.ClinicAId}/retention", new { years = 0, days = 1 })).StatusCode);

        clock.Set(new DateTimeOffset(2020, 4, 3, 9, 0, 0, TimeSpan.Zero));

        for (var i = 0; i < 100 && (await DicomWebServer.StudyUidsAsync(a)).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(await DicomWebServer.StudyUidsAsync(a));
    }

    [Fact]
    public async Task Operators_read_and_change_a_clinics_retention_and_nobody_else_can()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var a = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        var url = $"/api/admin/clinics/{web.ClinicAId}/retention";

        var initial = await op.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((false, 5, 0), (initial.GetProperty("keepForever").GetBoolean(), initial.GetProperty("years").GetInt32(), initial.GetProperty("days").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync(url, new { keepForever = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PutAsJsonAsync(url, new { years = 0, days = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PutAsJsonAsync(url, new { years = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.PutAsJsonAsync("/api/admin/clinics/no-such-clinic/retention", new { years = 7 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(url, new { years = 7, days = 30 })).StatusCode);
        var changed = await op.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((7, 30), (changed.GetProperty("years").GetInt32(), changed.GetProperty("days").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(url, new { keepForever = true })).StatusCode);
        Assert.True((await op.GetFromJsonAsync<JsonElement>(url)).GetProperty("keepForever").GetBoolean());
        var audit = await op.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=200") ?? [];
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "SET-RETENTION" && e.GetProperty("detail").GetString() == "7 year(s) 30 day(s) -> keep forever");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_retention_changes_are_audited_each_with_the_period_it_really_replaced(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider);
        using var op = web.Client(web.OperatorToken);
        var url = $"/api/admin/clinics/{web.ClinicAId}/retention";
        var db = web.Server.Service<IDatabase>();
        if (db.Dialect == SqlDialectKind.Postgres)
        {
            // Another operator's change to 9 years is written and not yet committed when this one (to 3 years) reads and writes.
            await using var other = await db.OpenAsync(CancellationToken.None);
            await using var tx = await other.BeginTransactionAsync();
            await other.ExecuteAsync("UPDATE clinics SET retention_years = 9, retention_days = 0 WHERE id = @Id", new { Id = web.ClinicAId }, tx);
            var changing = op.PutAsJsonAsync(url, new { years = 3 });
            await LockWaiters.WaitForAsync(db, "the change never waited on the other one");

            await tx.CommitAsync();
            Assert.Equal(HttpStatusCode.OK, (await changing).StatusCode);
            Assert.Contains("9 year(s) 0 day(s) -> 3 year(s) 0 day(s)", await RetentionChangesAsync(op));
        }

        // Many at once: the changes form one chain, each replacing what the one before set.
        var before = await op.GetFromJsonAsync<JsonElement>(url);
        var start = $"{before.GetProperty("years").GetInt32()} year(s) 0 day(s)";
        var already = (await RetentionChangesAsync(op)).Count;
        await Task.WhenAll(Enumerable.Range(11, 6).Select(y => op.PutAsJsonAsync(url, new { years = y })));
        var chain = (await RetentionChangesAsync(op)).SkipLast(already).Select(d => d.Split(" -> ")).ToDictionary(p => p[0], p => p[1]);
        var (at, steps) = (start, 0);
        while (chain.TryGetValue(at, out var next))
        {
            (at, steps) = (next, steps + 1);
        }

        Assert.Equal(6, steps);
    }

    /// <summary>The details of the SET-RETENTION events, newest first.</summary>
    private static async Task<List<string>> RetentionChangesAsync(HttpClient op) =>
        [.. (await op.GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=200") ?? [])
            .Where(e => e.GetProperty("action").GetString() == "SET-RETENTION").Select(e => e.GetProperty("detail").GetString()!)];

    /// <summary>A server on the test's clock whose reading worker stays out of the way (one round an hour).</summary>
    private static Task<DicomWebServer> StartAsync(string provider, FakeTimeProvider clock, Action<IServiceCollection>? more = null) =>
        DicomWebServer.StartAsync(provider, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) });
            more?.Invoke(s);
        });
}
