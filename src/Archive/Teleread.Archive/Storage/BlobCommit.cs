namespace Teleread.Archive.Storage;

/// <summary>What a committed write stored: the index records <see cref="Length"/>, <see cref="Sha256"/> and <see cref="Xxh3"/>.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the stored bytes; empty for a write begun unhashed.</param>
public sealed record BlobCommit(string Key, long Length, string Sha256)
{
    /// <summary>Lower-case hexadecimal XXH3-64 of the stored bytes, the checksum verified before serving; null for a write begun unhashed.</summary>
    public string? Xxh3 { get; init; }

    /// <summary>
    /// Sites that do not hold the object yet and must receive a copy later (<see cref="ReplicationMode.Queued"/>); empty
    /// when every site committed it. Whoever records the commit durably must also record these, in the same transaction.
    /// </summary>
    public IReadOnlyList<string> PendingSites { get; init; } = [];

    public BlobExpectation ToExpectation() => new(Key, Length, Sha256) { Xxh3 = Xxh3 };
}
