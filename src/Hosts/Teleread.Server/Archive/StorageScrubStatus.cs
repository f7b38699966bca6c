using Teleread.Archive.Storage;

namespace Teleread.Server.Archive;

/// <summary>The latest scrub: running or finished, its totals so far, and the error that stopped it if any.</summary>
public sealed record StorageScrubStatus(bool Running, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, BlobScrubReport? Report, string? Error)
{
    public static readonly StorageScrubStatus NeverRun = new(false, null, null, null, null);
}
