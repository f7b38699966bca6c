namespace Teleread.Server.Health;

/// <summary>A local directory the server writes to must exist and accept a small write.</summary>
public sealed class DirectoryReadinessCheck(string name, string directory) : IReadinessCheck
{
    public string Name { get; } = name;

    public async Task CheckAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var probe = Path.Combine(directory, $".ready-{Environment.ProcessId}");
        await File.WriteAllTextAsync(probe, "ok", ct).ConfigureAwait(false);
        File.Delete(probe);
    }
}
