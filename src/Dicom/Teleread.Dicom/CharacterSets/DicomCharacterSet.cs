using System.Text;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The character set(s) named by Specific Character Set (0008,0005), able to decode and encode
/// the text of values whose VR is affected by it (SH, LO, UC, ST, LT, UT, PN).
/// </summary>
public sealed class DicomCharacterSet
{
    private readonly Encoding _encoding;

    private DicomCharacterSet(IReadOnlyList<string> terms, Encoding encoding)
    {
        Terms = terms;
        _encoding = encoding;
    }

    /// <summary>The default repertoire (ISO-IR 6, ASCII).</summary>
    public static DicomCharacterSet Default { get; } = new([], Encoding.ASCII);

    /// <summary>The defined terms as stored in (0008,0005), first value possibly empty.</summary>
    public IReadOnlyList<string> Terms { get; }

    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || (terms.Count == 1 && string.IsNullOrWhiteSpace(terms[0])))
        {
            return Default;
        }

        var first = terms[0].Trim();
        return first switch
        {
            "ISO_IR 100" => new DicomCharacterSet(terms, Encoding.Latin1),
            "ISO_IR 192" => new DicomCharacterSet(terms, new UTF8Encoding(false)),
            _ => throw new DicomCharacterSetException($"Specific Character Set '{string.Join('\\', terms)}' is not supported."),
        };
    }

    public string Decode(ReadOnlySpan<byte> bytes, DicomTextKind kind) => _encoding.GetString(bytes);

    public byte[] Encode(string text, DicomTextKind kind) => _encoding.GetBytes(text);
}
