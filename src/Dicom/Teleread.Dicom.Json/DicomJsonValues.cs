using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Teleread.Dicom.Json;

/// <summary>Decisions shared by the JSON and XML writers and readers: which VRs are binary, bulk data paths, AT text.</summary>
internal static class DicomJsonValues
{
    /// <summary>VRs whose value is written as InlineBinary or BulkDataURI (PS3.18 F.2.7, PS3.19 A.1.5).</summary>
    public static bool IsBinary(DicomVR vr) =>
        vr == DicomVR.OB || vr == DicomVR.OW || vr == DicomVR.OF || vr == DicomVR.OD || vr == DicomVR.OL || vr == DicomVR.OV || vr == DicomVR.UN;

    /// <summary>The tag as eight upper-case hex digits, as JSON keys and AT values are written.</summary>
    public static string TagKey(uint tag) => tag.ToString("X8", CultureInfo.InvariantCulture);

    public static bool TryFormatTagKey(uint tag, Span<byte> utf8) => tag.TryFormat(utf8, out _, "X8", CultureInfo.InvariantCulture);

    public static uint ReadAttributeTag(ReadOnlySpan<byte> fourBytes) =>
        (uint)BinaryPrimitives.ReadUInt16LittleEndian(fourBytes) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(fourBytes[2..]);

    public static void WriteAttributeTag(Span<byte> fourBytes, uint tag)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(fourBytes, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(fourBytes[2..], (ushort)tag);
    }

    /// <summary>The bytes of a binary attribute: a loaded or referenced element, or encapsulated pixel data.</summary>
    public static ReadOnlyMemory<byte> BinaryValue(DicomAttribute attribute) => attribute switch
    {
        DicomElement e => e.LoadValue(),
        DicomFragmentSequence f => DicomEncapsulatedValue.Encode(f),
        _ => ReadOnlyMemory<byte>.Empty,
    };

    public static long BinaryLength(DicomAttribute attribute) => attribute switch
    {
        DicomElement e => e.Length,
        DicomFragmentSequence f => DicomEncapsulatedValue.Length(f),
        _ => 0,
    };

    public static string Path(List<(uint Tag, int Item)> stack, uint tag)
    {
        var sb = new StringBuilder();
        foreach (var (t, item) in stack)
        {
            sb.Append(TagKey(t)).Append('/').Append(item.ToString(CultureInfo.InvariantCulture)).Append('/');
        }

        return sb.Append(TagKey(tag)).ToString();
    }
}
