using Teleread.Archive.Storage;
using Teleread.Server.Health;

namespace Teleread.Server.Archive;

/// <summary>A storage site is ready when a probe object can be written, read back and deleted.</summary>
public sealed class BlobSiteReadinessCheck(IBlobStore site) : IReadinessCheck
{
    public string Name => "storage-" + site.Name;

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
