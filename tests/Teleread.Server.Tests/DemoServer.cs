using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Teleread.Reading.Application;
using Teleread.Server.Configuration;
using Teleread.Server.Demo;

namespace Teleread.Server.Tests;

/// <summary>A running server with the demo seeded, on a hand-moved clock, with the background round slowed down so tests drive it.</summary>
public sealed class DemoServer : IAsyncDisposable
{
    private DemoServer(RunningServer server, DemoCredentials demo, ManualClock clock)
    {
        Server = server;
        Demo = demo;
        Clock = clock;
    }

    public RunningServer Server { get; }

    public DemoCredentials Demo { get; }

    public ManualClock Clock { get; }

    public static async Task<DemoServer> StartAsync(string provider, params string[] extraArgs)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var server = await RunningServer.StartAsync(provider, customise: b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) });
        }, extraArgs: extraArgs);
        var demo = await server.Service<DemoSeeder>().EnsureAsync(server.Service<IOptions<TelereadOptions>>().Value, server.BaseAddress.ToString(), CancellationToken.None);
        return new DemoServer(server, demo, clock);
    }

    public DemoUser User(string login) => Demo.Users.Single(u => u.Login == login);

    /// <summary>A cookie session for a demo user.</summary>
    public async Task<HttpClient> SignInAsync(string login)
    {
        var client = Server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { login, password = User(login).Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Moves the clock and runs one background round (escalation, overdue, assignment) now.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Server.Service<ReadingWorker>().RunOnceAsync(CancellationToken.None);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
