namespace Teleread.Archive.Storage;

/// <summary>What a committed write stored: the index records <see cref="Length"/> and <see cref="Sha256"/>.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the stored bytes.</param>
public sealed record BlobCommit(string Key, long Length, string Sha256)
{
    public BlobExpectation ToExpectation() => new(Key, Length, Sha256);
}
