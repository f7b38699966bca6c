using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Teleread.Dicom.Deidentification;

/// <summary>
/// Original UID → replacement UID, consistent within a run and, for the same secret key, across runs: the replacement is
/// 2.25.&lt;first 128 bits of HMAC-SHA256(key, original)&gt; (a UUID-derived UID of PS3.5 B.2). Can be saved and loaded.
/// </summary>
public sealed class DicomUidMap
{
    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, string> _map = new(StringComparer.Ordinal);

    public DicomUidMap(byte[] key)
    {
        if (key.Length == 0)
        {
            throw new ArgumentException("The UID key must not be empty.", nameof(key));
        }

        _key = key.ToArray();
    }

    public DicomUidMap(string secret)
        : this(Encoding.UTF8.GetBytes(secret))
    {
    }

    /// <summary>A map with a random key: consistent within this run only.</summary>
    public static DicomUidMap WithRandomKey() => new(RandomNumberGenerator.GetBytes(32));

    public int Count => _map.Count;

    public IReadOnlyDictionary<string, string> Entries => _map;

    /// <summary>Bytes derived from the key for other deterministic choices (e.g. the date shift).</summary>
    internal byte[] Derive(string purpose) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("teleread:" + purpose));

    public string Map(string original)
    {
        var uid = original.TrimEnd('\0', ' ');
        return _map.GetOrAdd(uid, u =>
        {
            var hash = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(u));
            var value = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true, isBigEndian: true);
            return "2.25." + value.ToString(CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Writes one "original&lt;TAB&gt;replacement" line per UID, sorted.</summary>
    public void Save(TextWriter writer)
    {
        foreach (var (original, replacement) in _map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(original);
            writer.Write('\t');
            writer.WriteLine(replacement);
        }
    }

    /// <summary>Adds the pairs saved by <see cref="Save"/>; a loaded pair wins over the key's derivation.</summary>
    public void Load(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"UID map line {lineNumber}: expected 'original<TAB>replacement'.");
            }

            _map[parts[0]] = parts[1];
        }
    }
}
