using System.Collections.Concurrent;
using Teleread.Identity;

namespace Teleread.Server.Dimse;

/// <summary>Which clinic a calling AE title belongs to. Answers are cached briefly; unknown AEs are not cached.</summary>
public sealed class ClinicAeDirectory(IdentityStore identity, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string ClinicId, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async Task<string?> FindClinicAsync(string callingAeTitle, CancellationToken ct)
    {
        var ae = callingAeTitle.Trim();
        if (_cache.TryGetValue(ae, out var hit) && clock.GetUtcNow() - hit.At < Lifetime)
        {
            return hit.ClinicId;
        }

        var clinic = await identity.FindClinicByAeTitleAsync(ae, ct).ConfigureAwait(false);
        if (clinic is not null)
        {
            _cache[ae] = (clinic, clock.GetUtcNow());
        }

        return clinic;
    }
}
