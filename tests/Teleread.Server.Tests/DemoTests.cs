using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Teleread.Server.Configuration;
using Teleread.Server.Demo;

namespace Teleread.Server.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_creates_two_clinics_three_radiologists_an_operator_and_working_tokens_once()
    {
        await using var server = await RunningServer.StartAsync("sqlite");
        var options = server.Service<IOptions<TelereadOptions>>().Value;
        var seeder = server.Service<DemoSeeder>();

        var first = await seeder.EnsureAsync(options, server.BaseAddress.ToString(), CancellationToken.None);
        var again = await seeder.EnsureAsync(options, server.BaseAddress.ToString(), CancellationToken.None);

        Assert.Equal(["DEMO_CLINIC_A", "DEMO_CLINIC_B"], first.Clinics.SelectMany(c => c.AeTitles).Order());
        Assert.Equal(3, first.Users.Count(u => u.Role == "Radiologist"));
        Assert.Single(first.Users, u => u.Role == "Operator");
        Assert.Equal(first.Clinics.Select(c => c.ApiToken), again.Clinics.Select(c => c.ApiToken));

        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(options.DataDirectory, DemoSeeder.FileName)));
        Assert.Equal(6, file.RootElement.GetProperty("users").GetArrayLength());

        using var client = server.CreateClient(first.Clinics[0].ApiToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        var directory = await client.GetStringAsync("/api/public/radiologists");
        Assert.Contains("neuroradiology", directory, StringComparison.Ordinal);
    }
}
