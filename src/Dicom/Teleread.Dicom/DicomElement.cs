using System.Numerics;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>
/// A data element holding its raw value bytes exactly as read (little endian in memory, padding included), decoded only when
/// asked and encoded when created, so reading and writing again is byte-exact. A large value may instead be a
/// <see cref="DicomBulkDataReference"/> left in the file.
/// </summary>
public sealed class DicomElement : DicomAttribute
{
    private readonly ReadOnlyMemory<byte> _value;

    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
        : base(tag, vr)
    {
        if (vr == DicomVR.SQ)
        {
            throw new ArgumentException("An SQ attribute is a DicomSequence.", nameof(vr));
        }

        _value = value;
    }

    public DicomElement(DicomTag tag, DicomVR vr, DicomBulkDataReference bulkData)
        : base(tag, vr) => BulkData = bulkData;

    /// <summary>Set when the value was left in its source instead of being loaded.</summary>
    public DicomBulkDataReference? BulkData { get; }

    public bool IsBulkData => BulkData is not null;

    /// <summary>Value length in bytes (as stored; odd only if the source was malformed).</summary>
    public long Length => BulkData?.Length ?? _value.Length;

    /// <summary>The raw little-endian value bytes. Throws for a bulk data reference: use <see cref="BulkData"/> or <see cref="LoadValue"/>.</summary>
    public ReadOnlyMemory<byte> Value => BulkData is null
        ? _value
        : throw new InvalidOperationException($"{Tag} was left in its source as bulk data ({BulkData}); call LoadValue() or BulkData.Open().");

    /// <summary>The value bytes, loading a bulk data reference if needed.</summary>
    public ReadOnlyMemory<byte> LoadValue() => BulkData?.Load() ?? _value;

    /// <summary>The whole value as text, trailing padding removed (numbers of binary VRs formatted and joined by '\').</summary>
    public string GetString(DicomCharacterSet? characterSet = null) => DicomValueDecoder.GetString(this, characterSet ?? DicomCharacterSet.Default);

    /// <summary>The values split at '\' (not for LT, ST, UT, UR), each trimmed of insignificant spaces.</summary>
    public string[] GetStrings(DicomCharacterSet? characterSet = null) => DicomValueDecoder.GetStrings(this, characterSet ?? DicomCharacterSet.Default);

    /// <summary>
    /// Number of values in the default repertoire: count of binary units, or of backslash-separated strings. For text of a data
    /// set with a Specific Character Set use <see cref="GetCount"/> (or <see cref="DicomDataset.GetCount"/>).
    /// </summary>
    public int Count => DicomValueDecoder.Count(this, DicomCharacterSet.Default);

    /// <summary>
    /// Number of values, the text decoded in <paramref name="characterSet"/> before it is split at '\', so a 0x5C byte inside a
    /// multi-byte character (a GBK or GB18030 trail byte, ISO 2022 two-byte sets) is not counted as a delimiter (PS3.5 6.1.2.3).
    /// </summary>
    public int GetCount(DicomCharacterSet? characterSet) => DicomValueDecoder.Count(this, characterSet ?? DicomCharacterSet.Default);

    /// <summary>The values as numbers of type T, converting from the VR's own type (binary VRs) or parsing DS/IS text.</summary>
    public T[] GetValues<T>()
        where T : struct, INumberBase<T> => DicomValueDecoder.GetValues<T>(this);

    public T GetValue<T>(int index = 0)
        where T : struct, INumberBase<T>
    {
        var values = GetValues<T>();
        return index < values.Length
            ? values[index]
            : throw new DicomDataException($"{Tag} has {values.Length} value(s); value {index} was asked for.");
    }

    /// <summary>An element of a string VR; the text is encoded in the character set (for SH, LO, UC, ST, LT, UT, PN) and padded to even length.</summary>
    public static DicomElement FromString(DicomTag tag, DicomVR vr, string value, DicomCharacterSet? characterSet = null) =>
        new(tag, vr, DicomValueEncoder.EncodeString(vr, value, characterSet ?? DicomCharacterSet.Default));

    /// <summary>Several string values joined with '\'.</summary>
    public static DicomElement FromStrings(DicomTag tag, DicomVR vr, IEnumerable<string> values, DicomCharacterSet? characterSet = null) =>
        FromString(tag, vr, string.Join('\\', values), characterSet);

    /// <summary>Numbers encoded in the VR's binary type (US, SS, UL, FL, FD, OW, ...) or as DS/IS text.</summary>
    public static DicomElement FromValues<T>(DicomTag tag, DicomVR vr, params ReadOnlySpan<T> values)
        where T : struct, INumberBase<T> =>
        new(tag, vr, DicomValueEncoder.EncodeNumbers(vr, values));

    public override string ToString() => $"{Tag} {VR} [{(IsBulkData ? BulkData!.ToString() : Length + " bytes")}]";
}
