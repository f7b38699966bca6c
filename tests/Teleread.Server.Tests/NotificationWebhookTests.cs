using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Teleread.Server.Tests;

public sealed class NotificationWebhookTests
{
    [Fact]
    public async Task An_at_risk_notification_is_posted_signed_to_the_webhook_once()
    {
        var received = new ConcurrentQueue<(string Body, string Signature)>();
        var fail = 1;
        var receiver = WebApplication.CreateSlimBuilder([]).Build();
        receiver.Urls.Add("http://127.0.0.1:0");
        receiver.MapPost("/hook", async (HttpRequest r) =>
        {
            // The first delivery fails: the notification must come again next round.
            if (Interlocked.Exchange(ref fail, 0) == 1)
            {
                return Results.StatusCode(503);
            }

            received.Enqueue((await new StreamReader(r.Body).ReadToEndAsync(), r.Headers["X-Teleread-Signature"].ToString()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        try
        {
            var hook = $"{receiver.Urls.First()}/hook?token=abc";
            await using var d = await DemoServer.StartAsync("sqlite", $"--Teleread:Reading:Webhook:Url={hook}", "--Teleread:Reading:Webhook:Secret=s3cret",
                "--Teleread:Reading:Webhook:Interval=00:00:00.200");
            await d.AdvanceAsync(TimeSpan.FromMinutes(31));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!received.Any(x => x.Body.Contains("\"AtRisk\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var (body, signature) = received.First(x => x.Body.Contains("\"AtRisk\"", StringComparison.Ordinal));
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8.ToArray(), Encoding.UTF8.GetBytes(body))), signature);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal("AtRisk", json.GetProperty("kind").GetString());

            await Task.Delay(1000);
            var ids = received.Select(x => JsonDocument.Parse(x.Body).RootElement.GetProperty("id").GetString()).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        finally
        {
            await receiver.StopAsync();
            await receiver.DisposeAsync();
        }
    }
}
