using System.Net;
using System.Text.Json;

namespace Teleread.Server.Tests;

public sealed class ReadingNotificationsApiTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task At_risk_reassigned_and_overdue_cases_reach_the_operators_and_the_readers_inboxes_once(string provider)
    {
        await using var d = await DemoServer.StartAsync(provider);
        using var op = await d.SignInAsync("operator");
        using var sato = await d.SignInAsync("dr.sato");
        using var suzuki = await d.SignInAsync("dr.suzuki");
        using var clinic = await d.SignInAsync("clinic-a");
        var urgent = (await DemoServer.GetJsonAsync(sato, "/api/reading/worklist")).EnumerateArray()
            .Single(r => r.GetProperty("details").GetProperty("priority").GetString() == "Urgent").GetProperty("id").GetString();
        Assert.DoesNotContain(await Inbox(op), n => Is(n, urgent));

        // Urgent: alert 30 min before the 60 min deadline.
        await d.AdvanceAsync(TimeSpan.FromMinutes(31));
        var atRisk = Assert.Single(await Inbox(op), n => Is(n, urgent, "AtRisk"));
        Assert.Single(await Inbox(sato), n => Is(n, urgent, "AtRisk"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.GetAsync("/api/reading/notifications")).StatusCode);

        // Only the operators' inbox acknowledges an operators' notification; acknowledged ones leave the open list.
        var id = atRisk.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await sato.PostAsync($"/api/reading/notifications/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await op.PostAsync($"/api/reading/notifications/{id}/acknowledge", null)).StatusCode);
        Assert.DoesNotContain(await Inbox(op), n => n.GetProperty("id").GetString() == id);
        var all = await DemoServer.GetJsonAsync(op, "/api/reading/notifications");
        Assert.Contains(all.EnumerateArray(), n => n.GetProperty("id").GetString() == id && n.GetProperty("acknowledgedAt").ValueKind == JsonValueKind.String);

        // 40 min: nobody started, so the case changes hands and both readers hear of it.
        await d.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Single(await Inbox(op), n => Is(n, urgent, "Reassigned") || Is(n, urgent, "ReleasedToPool"));
        Assert.Single(await Inbox(sato), n => Is(n, urgent, "Reassigned") || Is(n, urgent, "ReleasedToPool"));

        // Past the deadline: one Overdue notification, however many rounds run.
        await d.AdvanceAsync(TimeSpan.FromMinutes(30));
        await d.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(await Inbox(op), n => Is(n, urgent, "Overdue"));
    }

    private static async Task<List<JsonElement>> Inbox(HttpClient client) =>
        [.. (await DemoServer.GetJsonAsync(client, "/api/reading/notifications?unacknowledged=true")).EnumerateArray()];

    private static bool Is(JsonElement n, string? requestId, string? kind = null) =>
        n.GetProperty("requestId").GetString() == requestId && (kind is null || n.GetProperty("kind").GetString() == kind);
}
