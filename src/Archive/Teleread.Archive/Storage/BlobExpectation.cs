namespace Teleread.Archive.Storage;

/// <summary>What an object under <see cref="Key"/> must be, as recorded by the index at commit time.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256.</param>
public sealed record BlobExpectation(string Key, long Length, string Sha256)
{
    /// <summary>
    /// Lower-case hexadecimal XXH3-64 recorded with the object, checked before serving instead of SHA-256 when present
    /// (objects indexed before it was recorded have none). The scrubber and repairs always check SHA-256.
    /// </summary>
    public string? Xxh3 { get; init; }

    /// <summary>
    /// Sites whose copy is still queued for replication: a missing copy there is pending, not lost (the scrubber
    /// reports it as such and leaves it to the replicator). Empty when every site should hold the object.
    /// </summary>
    public IReadOnlyCollection<string> PendingSites { get; init; } = [];

    /// <summary>
    /// The index row that expects the object (clinic and SOP Instance UID), when the index supplied the expectation: the
    /// scrubber asks the index again after a repair (<see cref="BlobScrubber.ScrubAsync"/>), by key.
    /// </summary>
    public (string ClinicId, string SopInstanceUid)? Instance { get; init; }
}
