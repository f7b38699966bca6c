using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Teleread.Identity;
using static Teleread.Server.Tests.ConditionalPuts;

namespace Teleread.Server.Tests;

/// <summary>The roster's profiles as operators edit them: read with a version tag, saved only over that version.</summary>
public sealed class ReadingRadiologistProfilesApiTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_operators_saving_over_the_same_version_of_a_profile_one_is_refused_and_nothing_is_undone(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var identity = server.Service<IdentityStore>();
        using var op1 = await ClientAsync(server, identity, "op1", Role.Operator, null);
        using var op2 = await ClientAsync(server, identity, "op2", Role.Operator, null);
        using var rad = await ClientAsync(server, identity, "rad-x", Role.Radiologist, null);
        var url = "/api/reading/radiologists/rad-x";
        Assert.Equal(HttpStatusCode.NotFound, (await op1.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op1.PutAsJsonAsync(url, ReadingApiTests.Profile("rad-x"))).StatusCode);

        // Both read the same version; op1 raises the capacity, then op2 (still on that version) adds a subspecialty.
        var (read, tag) = await ReadAsync(op2, url);
        var capacity = read.DeepClone();
        capacity["capacityPerHour"] = 9;
        var saved = await PutAsync(op1, url, capacity, tag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(tag, saved.Headers.ETag?.Tag);
        var subspecialty = read.DeepClone();
        subspecialty["subspecialties"] = new JsonArray("General", "Neuro");
        await AssertRefusedAsChangedAsync(await PutAsync(op2, url, subspecialty, tag));
        var (now, nowTag) = await ReadAsync(op2, url);
        Assert.Equal(9, now["capacityPerHour"]!.GetValue<int>());
        Assert.Equal(["General"], now["subspecialties"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(saved.Headers.ETag?.Tag, nowTag);

        // Saving at the same moment over the same version: exactly one wins, on every round.
        await AssertOneOfTwoSimultaneousSavesWinsAsync(op1, op2, url, (body, round, i) => body["yearsOfExperience"] = 20 + (round * 2) + i);

        // Only operators read and edit the roster.
        Assert.Equal(HttpStatusCode.Forbidden, (await rad.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(rad, url, now, nowTag)).StatusCode);
    }

    [Fact]
    public async Task A_profile_is_created_once_with_If_None_Match_and_If_Match_star_saves_only_over_an_existing_one()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        var url = "/api/reading/radiologists/rad-new";
        var body = JsonSerializer.SerializeToNode(ReadingApiTests.Profile("rad-new"))!;

        var overExisting = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        overExisting.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await op.SendAsync(overExisting)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync(url)).StatusCode);

        var created = await CreateAsync(op, url, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(created.Headers.ETag?.Tag, (await ReadAsync(op, url)).Tag);
        var other = body.DeepClone();
        other["capacityPerHour"] = 1;
        var again = await CreateAsync(op, url, other);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Contains("already has a profile", JsonNode.Parse(await again.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(6, (await ReadAsync(op, url)).Body["capacityPerHour"]!.GetValue<int>());

        var nonsense = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        nonsense.Headers.TryAddWithoutValidation("If-None-Match", "\"abc\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await op.SendAsync(nonsense)).StatusCode);
    }

    [Fact]
    public async Task A_profile_the_roster_cannot_hold_is_refused_with_what_is_wrong_and_the_stored_one_stays()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var identity = server.Service<IdentityStore>();
        using var op = await ClientAsync(server, identity, "op", Role.Operator, null);
        var url = "/api/reading/radiologists/rad-bad";
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync(url, ReadingApiTests.Profile("rad-bad"))).StatusCode);
        var (stored, tag) = await ReadAsync(op, url);

        var unknownZone = stored.DeepClone();
        unknownZone["shifts"]!["timeZoneId"] = "Mars/Olympus";
        await AssertBadRequestAsync(await PutAsync(op, url, unknownZone, tag), "'Mars/Olympus' is not a known time zone; use an IANA id such as Asia/Tokyo or Europe/Berlin.");
        var longShift = stored.DeepClone();
        longShift["shifts"]!["windows"]![0]!["length"] = "1.06:00:00";
        await AssertBadRequestAsync(await PutAsync(op, url, longShift, tag), "A shift lasts more than zero and at most 24 hours.");
        var malformed = await op.PutAsync(url, new StringContent("{\"id\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("The request body is not valid: ", await DetailAsync(malformed), StringComparison.Ordinal);

        Assert.Equal(tag, (await ReadAsync(op, url)).Tag);
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, await DetailAsync(response));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
}
