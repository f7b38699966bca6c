using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Server.Health;

namespace Teleread.Server.Tests;

public sealed class HealthTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Healthz_and_readyz_answer_200_when_database_and_storage_are_reachable(string provider)
    {
        await using var server = await RunningServer.StartAsync(provider);
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"database\":\"ok\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_failed_component()
    {
        var blocked = Path.Combine(Path.GetTempPath(), "teleread-blocked-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocked, "a file where a directory should be");
        try
        {
            await using var server = await RunningServer.StartAsync("sqlite",
                customise: b => b.Services.AddSingleton<IReadinessCheck>(new DirectoryReadinessCheck("storage-east", blocked)));
            using var client = server.CreateClient();

            var ready = await client.GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Contains("\"storage-east\":\"failed\"", body, StringComparison.Ordinal);
            Assert.Contains("\"database\":\"ok\"", body, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [Fact]
    public async Task Stopping_the_server_lets_an_in_flight_request_finish()
    {
        var entered = new TaskCompletionSource();
        var server = await RunningServer.StartAsync("sqlite", mapExtra: app => app.MapGet("/test/slow", async () =>
        {
            entered.SetResult();
            await Task.Delay(1500);
            return "finished";
        }));
        using var client = server.CreateClient();

        var request = client.GetStringAsync("/test/slow");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = server.DisposeAsync().AsTask();

        Assert.Equal("finished", await request.WaitAsync(TimeSpan.FromSeconds(10)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
