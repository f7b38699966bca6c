using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Teleread.Dicom;

/// <summary>A data element tag (group, element) of PS3.5 7.1.1.</summary>
public readonly struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>, IComparable
{
    public DicomTag(ushort group, ushort element) => Value = (uint)group << 16 | element;

    public DicomTag(uint value) => Value = value;

    /// <summary>Group in the high 16 bits, element in the low 16 bits.</summary>
    public uint Value { get; }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>Odd group numbers are private (PS3.5 7.8), except the illegal groups 0001, 0003, 0005, 0007 and FFFF.</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>(gggg,0010)-(gggg,00FF) in a private group: a Private Creator Data Element reserving a block.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>For a private data element (gggg,xxyy) with xx ≥ 0x10, the tag of the creator (gggg,00xx) that reserved its block.</summary>
    public DicomTag PrivateCreatorTag => new(Group, (ushort)(Element >> 8));

    /// <summary>Group length elements (gggg,0000).</summary>
    public bool IsGroupLength => Element == 0;

    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);

    public static DicomTag Parse(string text) =>
        TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag: expected (gggg,eeee), ggggeeee or a dictionary keyword.");

    /// <summary>Parses "(0010,0010)", "0010,0010", "00100010" or a dictionary keyword such as "PatientName".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DicomTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length == 11 && s[0] == '(' && s[10] == ')' && s[5] == ',')
        {
            return TryParseHex(s[1..5], s[6..10], out tag);
        }

        if (s.Length == 9 && s[4] == ',')
        {
            return TryParseHex(s[..4], s[5..], out tag);
        }

        if (s.Length == 8 && uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
        {
            tag = new DicomTag(v);
            return true;
        }

        if (DicomDictionary.TryFindByKeyword(s.ToString(), out var entry))
        {
            tag = entry.Tag;
            return true;
        }

        return false;
    }

    private static bool TryParseHex(ReadOnlySpan<char> g, ReadOnlySpan<char> e, out DicomTag tag)
    {
        tag = default;
        if (!ushort.TryParse(g, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var group)
            || !ushort.TryParse(e, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var element))
        {
            return false;
        }

        tag = new DicomTag(group, element);
        return true;
    }

    public bool Equals(DicomTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DicomTag t && t.Value == Value;

    public override int GetHashCode() => (int)Value;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public int CompareTo(object? obj) => obj is DicomTag t ? CompareTo(t) : throw new ArgumentException("Not a DicomTag.", nameof(obj));

    public static bool operator ==(DicomTag a, DicomTag b) => a.Value == b.Value;

    public static bool operator !=(DicomTag a, DicomTag b) => a.Value != b.Value;

    public static bool operator <(DicomTag a, DicomTag b) => a.Value < b.Value;

    public static bool operator >(DicomTag a, DicomTag b) => a.Value > b.Value;

    public static bool operator <=(DicomTag a, DicomTag b) => a.Value <= b.Value;

    public static bool operator >=(DicomTag a, DicomTag b) => a.Value >= b.Value;

    /// <summary>"(gggg,eeee)" in upper-case hex.</summary>
    public override string ToString() => string.Create(11, Value, static (span, v) =>
    {
        span[0] = '(';
        ((ushort)(v >> 16)).TryFormat(span[1..5], out _, "X4", CultureInfo.InvariantCulture);
        span[5] = ',';
        ((ushort)v).TryFormat(span[6..10], out _, "X4", CultureInfo.InvariantCulture);
        span[10] = ')';
    });
}
