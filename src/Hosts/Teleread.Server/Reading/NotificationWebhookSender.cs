using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Teleread.Reading.Persistence;

namespace Teleread.Server.Reading;

/// <summary>
/// Sends unsent notifications to the configured webhook, oldest first. The notifications table is the outbox (rows
/// are written with the escalation that caused them), so a failed POST or a restart only delays delivery; a
/// notification is marked sent after a 2xx answer. At least once: receivers de-duplicate by <c>id</c>.
/// </summary>
public sealed partial class NotificationWebhookSender(NotificationStore store, NotificationWebhookOptions options, IHttpClientFactory http,
    TimeProvider clock, ILogger<NotificationWebhookSender> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Sends what is pending; returns how many were delivered. Stops at the first failure (retried next round).</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (options.Url is not { } url)
        {
            return 0;
        }

        var sent = 0;
        using var client = http.CreateClient(nameof(NotificationWebhookSender));
        client.Timeout = options.Timeout;
        foreach (var n in await store.ListUnsentAsync(100, ct).ConfigureAwait(false))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(n, Json);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            if (!string.IsNullOrEmpty(options.Secret))
            {
                request.Headers.Add("X-Teleread-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), body)));
            }

            try
            {
                using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    WebhookRefused(logger, url.Host, (int)response.StatusCode);
                    return sent;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                WebhookUnreachable(logger, url.Host, ex.GetType().Name);
                return sent;
            }

            await store.MarkSentAsync(n.Id, clock.GetUtcNow(), ct).ConfigureAwait(false);
            sent++;
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Url is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval);
        try
        {
            do
            {
                try
                {
                    await SendPendingAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    RoundFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    // Server log range 1000–1999; the notification webhook uses 1910–1919. Only the host is logged, never the path, query or secret.
    [LoggerMessage(1910, LogLevel.Warning, "Notification webhook at {Host} answered {Status}; retrying next round")]
    private static partial void WebhookRefused(ILogger logger, string host, int status);

    [LoggerMessage(1911, LogLevel.Warning, "Notification webhook at {Host} unreachable ({Error}); retrying next round")]
    private static partial void WebhookUnreachable(ILogger logger, string host, string error);

    [LoggerMessage(1912, LogLevel.Error, "Notification webhook round failed; the next round runs on schedule")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
