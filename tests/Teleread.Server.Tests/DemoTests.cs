using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
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

        // Started again on another DICOM port (--dicom-port): it reports the port it listens on now, not the first start's.
        options.Dicom.Port += 1;
        var moved = await seeder.EnsureAsync(options, server.BaseAddress.ToString(), CancellationToken.None);
        Assert.Equal(options.Dicom.Port, moved.Dicom.Port);
        Assert.Equal(first.Clinics.Select(c => c.ApiToken), moved.Clinics.Select(c => c.ApiToken));

        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(options.DataDirectory, DemoSeeder.FileName)));
        Assert.Equal(6, file.RootElement.GetProperty("users").GetArrayLength());

        using var client = server.CreateClient(first.Clinics[0].ApiToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        var directory = await client.GetStringAsync("/api/public/radiologists");
        Assert.Contains("neuroradiology", directory, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_demo_seeders_on_one_data_directory_at_once_make_one_demo_and_both_return_it(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        var options = server.Service<IOptions<TelereadOptions>>().Value;
        var importing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = new DemoSeeder(server.Service<Teleread.Identity.IdentityStore>(), [new Importer(importing, release.Task)], server.Service<DemoReadingSeeder>(),
            NullLogger<DemoSeeder>.Instance);
        var second = new DemoSeeder(server.Service<Teleread.Identity.IdentityStore>(), [new Importer(null, Task.CompletedTask)], server.Service<DemoReadingSeeder>(),
            NullLogger<DemoSeeder>.Instance);

        // The first has created the clinics and users and imports the studies (no credentials file yet) when the second starts.
        var seeding = first.EnsureAsync(options, server.BaseAddress.ToString(), CancellationToken.None);
        await importing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var racing = second.EnsureAsync(options, server.BaseAddress.ToString(), CancellationToken.None);
        await Task.WhenAny(racing, Task.Delay(300));
        release.SetResult();

        var made = await seeding.WaitAsync(TimeSpan.FromSeconds(30));
        var found = await racing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(made.Users.Select(u => (u.Login, u.Password)), found.Users.Select(u => (u.Login, u.Password)));
        Assert.Equal(made.Clinics.Select(c => c.ApiToken), found.Clinics.Select(c => c.ApiToken));
    }

    private sealed class Importer(TaskCompletionSource? importing, Task release) : IDemoStudyImporter
    {
        public async Task<IReadOnlyList<DemoStudy>> ImportAsync(string clinicId, IReadOnlyList<string> files, CancellationToken ct)
        {
            importing?.TrySetResult();
            await release;
            return [];
        }
    }
}
