using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Teleread.Identity;

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
        var refused = await PutAsync(op2, url, noImages, tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("ConcurrencyConflict", problem["code"]!.GetValue<string>());
        Assert.Contains("reload", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (now, nowTag) = await ReadAsync(op2, url);
        Assert.True(now["contract"]!["requiresSecondReading"]!.GetValue<bool>());
        Assert.True(now["contract"]!["createRequestsFromImages"]!.GetValue<bool>());
        Assert.Equal(saved.Headers.ETag?.Tag, nowTag);

        // Saving at the same moment over the same version: exactly one wins, on every round.
        for (var round = 0; round < 4; round++)
        {
            var (current, currentTag) = await ReadAsync(op1, url);
            var answers = await Task.WhenAll(new[] { op1, op2 }.Select((client, i) =>
            {
                var body = current.DeepClone();
                body["contract"]!["contractNumber"] = $"C-{round}-{i}";
                return PutAsync(client, url, body, currentTag);
            }));
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        }

        // Without If-Match (scripts, the demo seeder) the PUT saves whatever is stored, as before.
        Assert.Equal(HttpStatusCode.OK, (await op2.PutAsJsonAsync(url, ReadingApiTests.Contract(a.Id))).StatusCode);
    }

    private static async Task<(JsonNode Body, string Tag)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!.Tag);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, JsonNode body, string tag)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(tag));
        return client.SendAsync(put);
    }

    private static async Task<HttpClient> ClientAsync(RunningServer server, IdentityStore identity, string login, Role role, string? clinicId)
    {
        var user = await identity.CreateUserAsync(login, login, role, clinicId, "pw-" + login + "-123456", Ct);
        return server.CreateClient(await identity.IssueTokenAsync(user.Id, clinicId, "test", Ct));
    }
}
