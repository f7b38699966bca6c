namespace Teleread.Server.Health;

/// <summary>One dependency /readyz verifies (database, each storage site, …).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>
    /// Whether the server cannot do its work without this dependency (then its failure makes /readyz 503). A dependency
    /// the server works around — a storage site whose copies are queued while it is down — only makes it "degraded".
    /// </summary>
    bool Required => true;

    Task CheckAsync(CancellationToken ct);
}
