using Teleread.Archive.Storage;
using Teleread.Server.Health;

namespace Teleread.Server.Archive;

/// <summary>
/// A storage site is ready when a probe object can be written, read back and deleted. <paramref name="required"/> is false
/// for a site writes do not wait for (a secondary site in <see cref="ReplicationMode.Queued"/> mode: its copies queue while it is down).
/// </summary>
public sealed class BlobSiteReadinessCheck(IBlobStore site, bool required = true) : IReadinessCheck
{
    public string Name => "storage-" + site.Name;

    public bool Required => required;

    public async Task CheckAsync(CancellationToken ct)
    {
        var key = $"readiness/probe-{Environment.ProcessId}";
        await using (var write = await site.BeginWriteAsync(key, ct).ConfigureAwait(false))
        {
            await write.WriteAsync("ok"u8.ToArray(), ct).ConfigureAwait(false);
            await write.CommitAsync(ct).ConfigureAwait(false);
        }

        await using (var read = await site.OpenReadAsync(key, null, ct).ConfigureAwait(false))
        {
            var buffer = new byte[2];
            await read.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
        }

        await site.DeleteAsync(key, ct).ConfigureAwait(false);
    }
}
