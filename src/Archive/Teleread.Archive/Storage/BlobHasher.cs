using System.IO.Hashing;
using System.Security.Cryptography;

namespace Teleread.Archive.Storage;

/// <summary>
/// The two checksums recorded for every object, computed in one pass: SHA-256 (identity, deduplication, the scrubber)
/// and XXH3-64 (the check before serving: the same protection against accidental corruption at a twentieth of the CPU).
/// </summary>
internal sealed class BlobHasher : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly XxHash3 _xxh3 = new();

    public void Append(ReadOnlySpan<byte> data)
    {
        _sha256.AppendData(data);
        _xxh3.Append(data);
    }

    /// <summary>The checksums of everything appended so far; appending may go on.</summary>
    public (string Sha256, string Xxh3) Current() =>
        (Convert.ToHexStringLower(_sha256.GetCurrentHash()), Convert.ToHexStringLower(_xxh3.GetCurrentHash()));

    /// <summary>Whether <paramref name="data"/> has the checksum checked before serving: XXH3-64 when recorded, else SHA-256.</summary>
    public static bool MatchesForServing(BlobExpectation expected, ReadOnlySpan<byte> data) =>
        expected.Xxh3 is { } xxh3
            ? Convert.ToHexStringLower(XxHash3.Hash(data)) == xxh3
            : Convert.ToHexStringLower(SHA256.HashData(data)) == expected.Sha256;

    public void Dispose() => _sha256.Dispose();
}
