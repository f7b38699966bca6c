using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Teleread.Identity;
using static Teleread.Server.Tests.ConditionalPuts;

namespace Teleread.Server.Tests;

/// <summary>The reading contracts behind the operator's clinics table: the list, and what a PUT refuses.</summary>
public sealed class ReadingClinicContractsApiTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Operators_list_every_contract_a_clinic_without_one_is_absent_and_other_roles_are_refused(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        var bare = await identity.CreateClinicAsync("Clinic without contract", ["AE_B"], Ct);
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        using var staff = await ClientAsync(server, identity, "staff-a", Role.ClinicUser, a.Id);
        using var rad = await ClientAsync(server, identity, "rad", Role.Radiologist, null);
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/clinics/{a.Id}", ReadingApiTests.Contract(a.Id))).StatusCode);

        var list = JsonNode.Parse(await op.GetStringAsync("/api/reading/clinics"))!.AsArray();
        var only = Assert.Single(list);
        Assert.Equal(a.Id, only!["id"]!.GetValue<string>());
        Assert.Equal("C-1", only["contract"]!["contractNumber"]!.GetValue<string>());
        Assert.True(only["contract"]!["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal("Routine", only["contract"]!["imageOnlyPriority"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/reading/clinics/{bare.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/reading/clinics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rad.GetAsync("/api/reading/clinics")).StatusCode);
    }

    [Fact]
    public async Task A_contract_without_a_number_or_without_its_terms_is_refused_with_a_problem_and_nothing_changes()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        var url = $"/api/reading/clinics/{a.Id}";
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(url, ReadingApiTests.Contract(a.Id))).StatusCode);
        var before = JsonNode.Parse(await op.GetStringAsync(url))!;

        var blank = before.DeepClone();
        blank["contract"]!["contractNumber"] = "  ";
        var refused = await op.PutAsJsonAsync(url, blank);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The contract number is required.", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());

        var noTerms = before.DeepClone();
        noTerms["contract"]!.AsObject().Remove("sla");
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PutAsJsonAsync(url, noTerms)).StatusCode);
        var noContract = before.DeepClone();
        noContract.AsObject().Remove("contract");
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PutAsJsonAsync(url, noContract)).StatusCode);

        Assert.True(JsonNode.DeepEquals(before, JsonNode.Parse(await op.GetStringAsync(url))));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_operators_saving_over_the_same_version_of_a_contract_one_is_refused_and_nothing_is_undone(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        using var op1 = await ClientAsync(server, identity, "op1", Role.Operator, null);
        using var op2 = await ClientAsync(server, identity, "op2", Role.Operator, null);
        var url = $"/api/reading/clinics/{a.Id}";
        Assert.Equal(HttpStatusCode.OK, (await op1.PutAsJsonAsync(url, ReadingApiTests.Contract(a.Id))).StatusCode);

        // Both read version 1; op1 turns second reading on, then op2 (still on version 1) turns requests from images off.
        var (read, tag) = await ReadAsync(op2, url);
        var secondReading = read.DeepClone();
        secondReading["contract"]!["requiresSecondReading"] = true;
        var saved = await PutAsync(op1, url, secondReading, tag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(tag, saved.Headers.ETag?.Tag);
        var noImages = read.DeepClone();
        noImages["contract"]!["createRequestsFromImages"] = false;
        await AssertRefusedAsChangedAsync(await PutAsync(op2, url, noImages, tag));
        var (now, nowTag) = await ReadAsync(op2, url);
        Assert.True(now["contract"]!["requiresSecondReading"]!.GetValue<bool>());
        Assert.True(now["contract"]!["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal(saved.Headers.ETag?.Tag, nowTag);

        // Saving at the same moment over the same version: exactly one wins, on every round.
        await AssertOneOfTwoSimultaneousSavesWinsAsync(op1, op2, url, (body, round, i) => body["contract"]!["contractNumber"] = $"C-{round}-{i}");

        // Without If-Match (scripts, the demo seeder) the PUT saves whatever is stored, as before.
        Assert.Equal(HttpStatusCode.OK, (await op2.PutAsJsonAsync(url, ReadingApiTests.Contract(a.Id))).StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_operator_creates_a_contract_with_If_None_Match_once_a_second_create_is_412_and_each_attempt_is_audited(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        using var op1 = await ClientAsync(server, identity, "op1", Role.Operator, null);
        using var op2 = await ClientAsync(server, identity, "op2", Role.Operator, null);
        using var staff = await ClientAsync(server, identity, "staff-a", Role.ClinicUser, a.Id);
        var url = $"/api/reading/clinics/{a.Id}";

        // The form's starting point: the domain's defaults with a blank number; operators only.
        var template = JsonNode.Parse(await op1.GetStringAsync("/api/reading/contract-template"))!;
        Assert.Equal("", template["contractNumber"]!.GetValue<string>());
        Assert.True(template["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal("Routine", template["imageOnlyPriority"]!.GetValue<string>());
        Assert.Equal(60, template["sla"]!["urgentMinutes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/reading/contract-template")).StatusCode);

        // If-Match: * saves only over an existing contract: there is none yet.
        var overExisting = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(ReadingApiTests.Contract(a.Id)) };
        overExisting.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await op1.SendAsync(overExisting)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op1.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(staff, url, Body(a.Id, "C-STAFF"))).StatusCode);

        var created = await CreateAsync(op1, url, Body(a.Id, "C-NEW"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (stored, tag) = await ReadAsync(op2, url);
        Assert.Equal("C-NEW", stored["contract"]!["contractNumber"]!.GetValue<string>());
        Assert.Equal(created.Headers.ETag?.Tag, tag);

        // A second creation (an operator whose form was opened before the first was saved) changes nothing.
        var again = await CreateAsync(op2, url, Body(a.Id, "C-OTHER"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        var problem = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal("ConcurrencyConflict", problem["code"]!.GetValue<string>());
        Assert.Contains("already has a reading contract", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(stored, (await ReadAsync(op2, url)).Body));

        // Creations at the same moment: exactly one is saved, on every round, and the stored contract is the winner's.
        for (var round = 0; round < 4; round++)
        {
            var clinic = await identity.CreateClinicAsync($"Race {round}", [$"AE_R{round}"], Ct);
            var raceUrl = $"/api/reading/clinics/{clinic.Id}";
            var answers = await Task.WhenAll(new[] { op1, op2 }.Select((client, i) => CreateAsync(client, raceUrl, Body(clinic.Id, $"C-{round}-{i}"))));
            var winner = Array.FindIndex(answers, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            Assert.Equal($"C-{round}-{winner}", (await ReadAsync(op1, raceUrl)).Body["contract"]!["contractNumber"]!.GetValue<string>());
        }

        var nonsense = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Body(a.Id, "C-X")) };
        nonsense.Headers.TryAddWithoutValidation("If-None-Match", "\"abc\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await op1.SendAsync(nonsense)).StatusCode);

        // Audited like every contract PUT: who, which clinic, the outcome — the refused ones too.
        var events = await server.Service<AuditLog>().QueryAsync(new Caller("op", "op", Role.Operator, null), 500, Ct);
        var puts = events.Where(e => e.Action == "PUT" && e.Resource == url).ToList();
        Assert.Contains(puts, e => e.Outcome == "201");
        Assert.Contains(puts, e => e.Outcome == "412");
        Assert.Contains(puts, e => e.Outcome == "403" && e.ActorClinicId == a.Id);
    }

    [Theory]
    [InlineData("urgentMinutes", 0, "The urgent target must be at least 1 minute (got 0).")]
    [InlineData("urgentMinutes", -30, "The urgent target must be at least 1 minute (got -30).")]
    [InlineData("routineHours", 0, "The routine target must be between 1 and 720 hours (got 0).")]
    [InlineData("urgentMinutes", 1500, "The urgent target (1500 min) must not be longer than the routine target (24 h).")]
    [InlineData("sameDayDue", "14:00:00", "Same-day requests must be due after the cut-off (received by 15:00, due at 14:00).")]
    [InlineData("businessCloses", "08:00:00", "Business hours must open at least an hour before they close (09:00–08:00).")]
    [InlineData("timeZoneId", "Mars/Olympus", "Unknown time zone 'Mars/Olympus' in the SLA terms.")]
    public async Task Nonsense_SLA_terms_are_400_with_a_clear_message_on_update_and_on_create_and_nothing_is_saved(string field, object value, string expected)
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        var a = await identity.CreateClinicAsync("Clinic A", ["AE_A"], Ct);
        var bare = await identity.CreateClinicAsync("Clinic B", ["AE_B"], Ct);
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        var url = $"/api/reading/clinics/{a.Id}";
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(url, ReadingApiTests.Contract(a.Id))).StatusCode);
        var (before, tag) = await ReadAsync(op, url);

        var bad = before.DeepClone();
        bad["contract"]!["sla"]![field] = value is string text ? JsonValue.Create(text) : JsonValue.Create((int)value);
        var refused = await PutAsync(op, url, bad, tag);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("Invalid SLA terms", problem["title"]!.GetValue<string>());
        Assert.Equal(expected, problem["detail"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, JsonNode.Parse(await op.GetStringAsync(url))));

        var badNew = bad.DeepClone();
        badNew["id"] = bare.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await CreateAsync(op, $"/api/reading/clinics/{bare.Id}", badNew)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/reading/clinics/{bare.Id}")).StatusCode);
    }

    private static JsonNode Body(string clinicId, string contractNumber)
    {
        var body = JsonSerializer.SerializeToNode(ReadingApiTests.Contract(clinicId))!;
        body["contract"]!["contractNumber"] = contractNumber;
        return body;
    }
}
