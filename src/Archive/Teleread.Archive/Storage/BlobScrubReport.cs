namespace Teleread.Archive.Storage;

/// <summary>
/// Outcome of a scrub. Objects: <see cref="Checked"/>, <see cref="Healthy"/> (every copy good), <see cref="Unrecoverable"/>
/// (no good copy anywhere). Copies: <see cref="Missing"/>, <see cref="Corrupted"/>, <see cref="Repaired"/>,
/// <see cref="Unavailable"/> (a site could not be read) and <see cref="RepairFailed"/>.
/// </summary>
public sealed record BlobScrubReport(
    long Checked,
    long Healthy,
    long Missing,
    long Corrupted,
    long Repaired,
    long Unrecoverable,
    long Unavailable,
    long RepairFailed,
    IReadOnlyList<string> UnrecoverableKeys)
{
    /// <summary>How many unrecoverable keys a report names at most (the counts are always complete).</summary>
    public const int MaxListedKeys = 1000;
}
