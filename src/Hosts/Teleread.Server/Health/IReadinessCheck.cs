namespace Teleread.Server.Health;

/// <summary>One dependency /readyz verifies (database, each storage site, …).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task CheckAsync(CancellationToken ct);
}
