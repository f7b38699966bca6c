namespace Teleread.Archive.Storage;

/// <summary>What an object under <see cref="Key"/> must be, as recorded by the index at commit time.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256.</param>
public sealed record BlobExpectation(string Key, long Length, string Sha256)
{
    /// <summary>
    /// Sites whose copy is still queued for replication: a missing copy there is pending, not lost (the scrubber
    /// reports it as such and leaves it to the replicator). Empty when every site should hold the object.
    /// </summary>
    public IReadOnlyCollection<string> PendingSites { get; init; } = [];
}
