using Dapper;
using Microsoft.Extensions.Options;
using Teleread.Data;
using Teleread.Server.Configuration;
using Teleread.Server.Demo;

namespace Teleread.Server.Tests;

public sealed class DemoReadingTests
{
    [Fact]
    public async Task Demo_gives_the_radiologist_a_worklist_with_an_urgent_case_and_the_operator_a_queue_once()
    {
        await using var d = await DemoServer.StartAsync("sqlite");
        using var sato = await d.SignInAsync("dr.sato");
        var worklist = await DemoServer.GetJsonAsync(sato, "/api/reading/worklist");
        Assert.Contains(worklist.EnumerateArray(), r => r.GetProperty("details").GetProperty("priority").GetString() == "Urgent");
        Assert.True(worklist.GetArrayLength() >= 2);

        // Reading profiles are keyed by identity user ids: the archive lets her open exactly her cases' studies.
        var study = worklist[0].GetProperty("studyReference").GetString();
        var thumb = await sato.GetAsync($"/dicomweb/studies/{study}/thumbnail");
        Assert.True(thumb.IsSuccessStatusCode, $"{thumb.StatusCode} {await thumb.Content.ReadAsStringAsync()}");

        using var op = await d.SignInAsync("operator");
        var board = await DemoServer.GetJsonAsync(op, "/api/reading/sla-board");
        var open = board.GetArrayLength();
        Assert.True(open >= 4, $"{open} open requests");
        using var clinic = await d.SignInAsync("clinic-a");
        foreach (var entry in (await DemoServer.GetJsonAsync(clinic, "/api/reading/requests")).EnumerateArray())
        {
            var response = await clinic.GetAsync($"/dicomweb/studies/{entry.GetProperty("studyReference").GetString()}/thumbnail?viewport=48,48");
            Assert.True(response.IsSuccessStatusCode, $"{entry.GetProperty("studyReference")}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var clinics = await DemoServer.GetJsonAsync(op, "/api/reading/clinic-names");
        Assert.Equal(2, clinics.GetArrayLength());

        // A restart finds the demo there; seeding the same studies again opens no second request.
        var options = d.Server.Service<IOptions<TelereadOptions>>().Value;
        await d.Server.Service<DemoSeeder>().EnsureAsync(options, "http://x", CancellationToken.None);
        var studies = await d.Server.Service<IDemoStudyImporter>().ImportAsync(d.Demo.Clinics[0].Id, DemoStudyFiles.Find(options), CancellationToken.None);
        Assert.True(studies.Count >= 4, $"{studies.Count} demo studies");
        await d.Server.Service<DemoReadingSeeder>().SeedAsync([.. d.Demo.Clinics.Select(c => c.Id)], new Dictionary<string, string>(), "op",
            d.Demo.Clinics[0].Id, studies, CancellationToken.None);
        Assert.Equal(open, (await DemoServer.GetJsonAsync(op, "/api/reading/sla-board")).GetArrayLength());

        // A demo data directory from before the reading seed (no contracts, no roster) catches up on the next start.
        await d.Server.Service<IDatabase>().WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("DELETE FROM reading_clinics", transaction: t);
            return await c.ExecuteAsync("DELETE FROM reading_radiologists", transaction: t);
        }, CancellationToken.None);
        Assert.Equal(0, (await DemoServer.GetJsonAsync(op, "/api/reading/clinic-names")).GetArrayLength());
        await d.Server.Service<DemoSeeder>().EnsureAsync(options, "http://x", CancellationToken.None);
        Assert.Equal(2, (await DemoServer.GetJsonAsync(op, "/api/reading/clinic-names")).GetArrayLength());
        Assert.Equal(3, (await DemoServer.GetJsonAsync(op, "/api/reading/radiologists")).GetArrayLength());
        Assert.Equal(open, (await DemoServer.GetJsonAsync(op, "/api/reading/sla-board")).GetArrayLength());
    }
}
