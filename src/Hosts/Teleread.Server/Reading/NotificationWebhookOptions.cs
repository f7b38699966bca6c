namespace Teleread.Server.Reading;

/// <summary>
/// Optional outbound channel for reading notifications (<c>Teleread:Reading:Webhook</c>): each notification is POSTed
/// as JSON to <see cref="Url"/>; with a <see cref="Secret"/> the body is signed (HMAC-SHA256, hex, header
/// <c>X-Teleread-Signature: sha256=…</c>). The secret and the URL's query are never logged.
/// </summary>
public sealed class NotificationWebhookOptions
{
    public const string Section = "Teleread:Reading:Webhook";

    public Uri? Url { get; set; }

    public string? Secret { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
