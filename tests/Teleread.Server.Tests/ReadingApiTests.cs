using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Identity;
using Teleread.Reading.Application;

namespace Teleread.Server.Tests;

public sealed class ReadingApiTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_request_goes_from_clinic_to_radiologist_and_back_with_tenant_and_role_rules(string provider)
    {
        // The background round would assign the queued case itself; this test claims it by hand.
        await using var server = await RunningServer.StartAsync(provider, customise: b =>
            b.Services.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) }));
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        var b = await identity.CreateClinicAsync("Clinic B", ["AE_B"], Ct);
        using var staffA = await ClientAsync(server, identity, "staff-a", Role.ClinicUser, a.Id);
        using var staffB = await ClientAsync(server, identity, "staff-b", Role.ClinicUser, b.Id);
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        var (rad1, rad1Id) = await RadiologistAsync(server, identity, "rad-1");
        var (rad2, rad2Id) = await RadiologistAsync(server, identity, "rad-2");
        using (rad1)
        using (rad2)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staffA.PutAsJsonAsync($"/api/reading/clinics/{a.Id}", Contract(a.Id))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/clinics/{a.Id}", Contract(a.Id))).StatusCode);
            foreach (var radId in new[] { rad1Id, rad2Id })
            {
                Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/radiologists/{radId}", Profile(radId))).StatusCode);
            }

            var body = new
            {
                patientId = "P-001", studyReference = "study-1", clinicalQuestion = "頭痛。出血の有無", modality = "CT", bodyRegion = "Head",
                priority = "Urgent", requestingDoctor = "佐藤", attachments = new[] { new { kind = "referral-letter", fileName = "紹介状.pdf", contentReference = "blob:1" } },
                priorStudyReferences = new[] { "study-0" },
            };
            staffA.DefaultRequestHeaders.Add("Idempotency-Key", "order-4711");
            var created = await staffA.PostAsJsonAsync("/api/reading/requests", body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var request = await Json(created);
            var id = request.GetProperty("id").GetString()!;
            var retried = await staffA.PostAsJsonAsync("/api/reading/requests", body);
            Assert.Equal(id, (await Json(retried)).GetProperty("id").GetString());
            staffA.DefaultRequestHeaders.Remove("Idempotency-Key");
            var url = $"/api/reading/requests/{id}";
            Assert.Equal("Received", request.GetProperty("state").GetString());
            Assert.Equal(60, (request.GetProperty("deadline").GetDateTimeOffset() - request.GetProperty("receivedAt").GetDateTimeOffset()).TotalMinutes, 3);

            // Another tenant neither sees nor changes it; a radiologist sees it only once it is theirs.
            Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staffB.PostAsync(url + "/commands/Cancel", null)).StatusCode);
            Assert.Empty(await (await staffB.GetAsync("/api/reading/requests")).Content.ReadFromJsonAsync<List<JsonElement>>() ?? []);
            Assert.Single(await (await staffA.GetAsync("/api/reading/requests")).Content.ReadFromJsonAsync<List<JsonElement>>() ?? []);
            Assert.Equal(HttpStatusCode.NotFound, (await rad1.GetAsync(url)).StatusCode);

            Assert.Equal("Queued", (await Json(await staffA.PostAsync(url + "/complete", null))).GetProperty("state").GetString());
            Assert.Single(await rad1.GetFromJsonAsync<List<JsonElement>>("/api/reading/pool") ?? []);

            var claimed = await rad1.PostAsync(url + "/claim", null);
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
            Assert.Equal(rad1Id, (await Json(claimed)).GetProperty("lockHolder").GetString());
            var lost = await rad2.PostAsync(url + "/claim", null);
            Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
            Assert.Equal("IllegalTransition", (await Json(lost)).GetProperty("code").GetString());

            Assert.Equal(HttpStatusCode.NotFound, (await rad2.PostAsync(url + "/commands/SubmitPreliminary", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staffA.PostAsync(url + "/commands/SubmitPreliminary", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rad1.PostAsJsonAsync(url + "/commands/SubmitPreliminary", new { reason = "所見: 出血なし" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rad1.PostAsync(url + "/commands/Finalize", null)).StatusCode);

            var early = await staffA.PostAsync(url + "/commands/Acknowledge", null);
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.StartsWith("Cannot Acknowledge a request that is Final.", (await Json(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);

            var stale = await op.PostAsJsonAsync(url + "/commands/Deliver", new { expectedVersion = 1 });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("ConcurrencyConflict", (await Json(stale)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.OK, (await op.PostAsync(url + "/commands/Deliver", null)).StatusCode);
            var done = await Json(await staffA.PostAsync(url + "/commands/Acknowledge", null));

            Assert.Equal("Acknowledged", done.GetProperty("state").GetString());
            Assert.Equal("紹介状.pdf", done.GetProperty("details").GetProperty("attachments")[0].GetProperty("fileName").GetString());
            var timeline = done.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("command").GetString(), t.GetProperty("actorId").GetString())).ToList();
            Assert.Equal(["CompleteImages", "Enqueue", "Claim", "SubmitPreliminary", "Finalize", "Deliver", "Acknowledge"], timeline.Select(t => t.Item1));
            Assert.Equal(rad1Id, timeline[2].Item2);
            Assert.Equal("所見: 出血なし", done.GetProperty("timeline")[3].GetProperty("reason").GetString());
            Assert.Equal(["AddAddendum"], done.GetProperty("allowedCommands").EnumerateArray().Select(c => c.GetString()));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync("/api/reading/sla-board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/reading/sla-board")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_reading_api()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        using var client = server.CreateClient();
        var doc = await client.GetStringAsync("/api/openapi.json");
        foreach (var path in new[] { "/api/reading/requests", "/api/reading/requests/{id}/commands/{command}", "/api/reading/requests/{id}/claim", "/api/reading/worklist", "/api/reading/sla-board" })
        {
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<HttpClient> ClientAsync(RunningServer server, IdentityStore identity, string login, Role role, string? clinicId)
    {
        var user = await identity.CreateUserAsync(login, login, role, clinicId, "pw-" + login + "-123456", Ct);
        return server.CreateClient(await identity.IssueTokenAsync(user.Id, clinicId, "test", Ct));
    }

    internal static async Task<(HttpClient Client, string Id)> RadiologistAsync(RunningServer server, IdentityStore identity, string login)
    {
        var user = await identity.CreateUserAsync(login, login, Role.Radiologist, null, "pw-" + login + "-123456", Ct);
        return (server.CreateClient(await identity.IssueTokenAsync(user.Id, null, "test", Ct)), user.Id);
    }

    internal static object Contract(string clinicId) => new
    {
        id = clinicId, name = "Clinic A", aeTitles = new[] { "AE_A" }, contacts = Array.Empty<object>(),
        contract = new
        {
            contractNumber = "C-1", startsOn = "2026-01-01", requiresSecondReading = false, requiresQaCheck = false,
            sla = new
            {
                timeZoneId = "Asia/Tokyo", urgentMinutes = 60, sameDayCutoff = "15:00:00", sameDayDue = "20:00:00", sameDayOnBusinessDaysOnly = false,
                routineHours = 24, routineClock = "WallClock", businessOpens = "09:00:00", businessCloses = "18:00:00", observesJapaneseHolidays = false,
            },
        },
    };

    internal static object Profile(string id) => new
    {
        id, name = id, boardCertified = true, yearsOfExperience = 12, subspecialties = new[] { "General" }, modalities = new[] { "CT", "MR" },
        credentials = Array.Empty<string>(), languages = new[] { "ja" }, capacityPerHour = 6, excludedClinicIds = Array.Empty<string>(),
        shifts = new
        {
            timeZoneId = "Asia/Tokyo",
            windows = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, start = "00:00:00", length = "1.00:00:00" }),
        },
    };
}
