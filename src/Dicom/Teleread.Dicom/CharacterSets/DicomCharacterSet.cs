using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The character set(s) named by Specific Character Set (0008,0005), able to decode and encode
/// the text of values whose VR is affected by it (SH, LO, UC, ST, LT, UT, PN).
/// </summary>
/// <remarks>
/// Supported: the default repertoire (ISO-IR 6); ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13, 166;
/// the same as ISO 2022 IR terms with ISO 2022 IR 6, 87, 159, 149 and 58; ISO_IR 192, GB18030 and GBK.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class DicomCharacterSet
{
    private const int CacheCapacity = 256;
    private static readonly SearchValues<byte> Escape = SearchValues.Create([0x1B]);

    // Conformant term lists recur in every data set; non-conformant ones are resolved afresh (they carry warnings).
    private static readonly ConcurrentDictionary<string, DicomCharacterSet> Cache = new(StringComparer.Ordinal);
    private readonly ITextCodec _codec;

    private DicomCharacterSet(IReadOnlyList<string> terms, ITextCodec codec, DicomCharacterSetErrorMode errorMode, IReadOnlyList<string> warnings)
    {
        Terms = terms;
        _codec = codec;
        ErrorMode = errorMode;
        Warnings = warnings;
    }

    /// <summary>The default repertoire (ISO-IR 6, ASCII).</summary>
    public static DicomCharacterSet Default { get; } = FromSpecificCharacterSet([]);

    /// <summary>The defined terms as stored in (0008,0005), first value possibly empty.</summary>
    public IReadOnlyList<string> Terms { get; }

    public DicomCharacterSetErrorMode ErrorMode { get; }

    /// <summary>What was not conformant in <see cref="Terms"/> and how it was read (lenient mode); empty when all was well.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Resolves (0008,0005) leniently: never throws for unknown or misspelt terms (see <see cref="Warnings"/>).</summary>
    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> terms) =>
        FromSpecificCharacterSet(terms, DicomCharacterSetErrorMode.Lenient);

    /// <exception cref="DicomCharacterSetException">In strict mode, when a term is not a supported Defined Term.</exception>
    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> terms, DicomCharacterSetErrorMode errorMode)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var key = $"{(int)errorMode}\0{string.Join('\0', terms)}";
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var copy = terms.ToArray();
        var warnings = new List<string>();
        var codec = SpecificCharacterSetResolver.Resolve(copy, warnings);
        if (errorMode == DicomCharacterSetErrorMode.Strict && warnings.Count > 0)
        {
            throw new DicomCharacterSetException($"Specific Character Set '{string.Join('\\', copy)}': {string.Join(" ", warnings)}");
        }

        var characterSet = new DicomCharacterSet(copy, codec, errorMode, warnings.AsReadOnly());
        if (warnings.Count == 0 && Cache.Count < CacheCapacity)
        {
            Cache.TryAdd(key, characterSet);
        }

        return characterSet;
    }

    /// <summary>Decodes a value (all of its values when multi-valued, without trailing padding removed).</summary>
    /// <exception cref="DicomCharacterSetException">In strict mode, when the bytes are not valid in this character set.</exception>
    public string Decode(ReadOnlySpan<byte> bytes, DicomTextKind kind)
    {
        TryDecode(bytes, kind, out var text, ErrorMode == DicomCharacterSetErrorMode.Strict);
        return text;
    }

    /// <summary>Decodes without throwing; returns false if some bytes were invalid and were replaced by U+FFFD.</summary>
    public bool TryDecode(ReadOnlySpan<byte> bytes, DicomTextKind kind, out string text) => TryDecode(bytes, kind, out text, strict: false);

    /// <exception cref="DicomCharacterSetException">In strict mode, when a character cannot be encoded.</exception>
    public byte[] Encode(string text, DicomTextKind kind)
    {
        TryEncode(text, kind, out var bytes, ErrorMode == DicomCharacterSetErrorMode.Strict);
        return bytes;
    }

    /// <summary>Encodes without throwing; returns false if some characters could not be encoded and were replaced by '?'.</summary>
    public bool TryEncode(string text, DicomTextKind kind, out byte[] bytes) => TryEncode(text, kind, out bytes, strict: false);

    public override string ToString() => Terms.Count == 0 ? "ISO-IR 6" : string.Join('\\', Terms);

    private bool TryDecode(ReadOnlySpan<byte> bytes, DicomTextKind kind, out string text, bool strict)
    {
        if (_codec.IsAsciiTransparent && Ascii.IsValid(bytes) && bytes.IndexOfAny(Escape) < 0)
        {
            text = Encoding.ASCII.GetString(bytes);
            return true;
        }

        return _codec.Decode(bytes, kind, strict, out text);
    }

    private bool TryEncode(string text, DicomTextKind kind, out byte[] bytes, bool strict)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_codec.IsAsciiTransparent && Ascii.IsValid(text) && !text.Contains('\u001B', StringComparison.Ordinal))
        {
            bytes = Encoding.ASCII.GetBytes(text);
            return true;
        }

        return _codec.Encode(text, kind, strict, out bytes);
    }
}
