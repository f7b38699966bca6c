namespace Teleread.Archive.Storage;

/// <summary>What an object under <see cref="Key"/> must be, as recorded by the index at commit time.</summary>
/// <param name="Sha256">Lower-case hexadecimal SHA-256.</param>
public sealed record BlobExpectation(string Key, long Length, string Sha256);
