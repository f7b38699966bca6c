using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>Turns raw little-endian value bytes into text and numbers per VR (PS3.5 6.2).</summary>
internal static class DicomValueDecoder
{
    public static string GetString(DicomElement e, DicomCharacterSet cs)
    {
        var vr = e.VR;
        var bytes = e.LoadValue().Span;
        if (vr.Kind == DicomVRKind.Binary)
        {
            return FormatBinary(vr, bytes);
        }

        var text = Decode(vr, bytes, cs);
        return vr.IsSingleValuedText ? text.TrimEnd(' ', '\0') : text.TrimEnd(' ', '\0');
    }

    public static string[] GetStrings(DicomElement e, DicomCharacterSet cs)
    {
        var vr = e.VR;
        if (vr.Kind == DicomVRKind.Binary)
        {
            var s = FormatBinary(vr, e.LoadValue().Span);
            return s.Length == 0 ? [] : s.Split('\\');
        }

        var text = Decode(vr, e.LoadValue().Span, cs);
        if (vr.IsSingleValuedText)
        {
            var single = text.TrimEnd(' ', '\0');
            return single.Length == 0 ? [] : [single];
        }

        if (text.Length == 0)
        {
            return [];
        }

        var parts = text.Split('\\');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = vr == DicomVR.PN ? parts[i].TrimEnd(' ', '\0') : parts[i].Trim(' ', '\0');
        }

        return parts is [""] ? [] : parts;
    }

    public static int Count(DicomElement e, DicomCharacterSet cs)
    {
        var vr = e.VR;
        if (vr.Kind == DicomVRKind.Binary)
        {
            return vr == DicomVR.AT ? (int)(e.Length / 4) : (int)(e.Length / vr.UnitSize);
        }

        if (e.Length == 0)
        {
            return 0;
        }

        if (vr.IsSingleValuedText)
        {
            return 1;
        }

        var span = e.LoadValue().Span;
        if (vr.IsAffectedBySpecificCharacterSet && !IsPlainAscii(span))
        {
            // Decode first: in GBK/GB18030 a trail byte may be 0x5C and in ISO 2022 a two-byte character may hold 05/12;
            // neither is a delimiter (PS3.5 6.1.2.3). The decoder turns only real delimiters into '\\'.
            return cs.Decode(span, vr.TextKind).AsSpan().Count('\\') + 1;
        }

        return span.Count((byte)'\\') + 1;
    }

    /// <summary>True when no byte can start a multi-byte character or an escape sequence (0x00-0x7F without ESC).</summary>
    private static bool IsPlainAscii(ReadOnlySpan<byte> span) =>
        !span.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && !span.Contains((byte)0x1B);

    public static T[] GetValues<T>(DicomElement e)
        where T : struct, INumberBase<T>
    {
        var vr = e.VR;
        var bytes = e.LoadValue().Span;
        if (vr.Kind == DicomVRKind.NumericString)
        {
            var parts = GetStrings(e, DicomCharacterSet.Default);
            var result = new T[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    throw new DicomDataException($"{e.Tag} {vr} value '{parts[i]}' is not a number.");
                }

                result[i] = T.CreateChecked(d);
            }

            return result;
        }

        if (vr.Kind != DicomVRKind.Binary)
        {
            throw new DicomDataException($"{e.Tag} has VR {vr}, which holds no numbers.");
        }

        var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
        var n = bytes.Length / unit;
        var values = new T[n];
        for (var i = 0; i < n; i++)
        {
            var b = bytes.Slice(i * unit, unit);
            values[i] = vr.Code switch
            {
                "US" or "OW" => T.CreateChecked(BinaryPrimitives.ReadUInt16LittleEndian(b)),
                "SS" => T.CreateChecked(BinaryPrimitives.ReadInt16LittleEndian(b)),
                "UL" or "OL" => T.CreateChecked(BinaryPrimitives.ReadUInt32LittleEndian(b)),
                "SL" => T.CreateChecked(BinaryPrimitives.ReadInt32LittleEndian(b)),
                "FL" or "OF" => T.CreateChecked(BinaryPrimitives.ReadSingleLittleEndian(b)),
                "FD" or "OD" => T.CreateChecked(BinaryPrimitives.ReadDoubleLittleEndian(b)),
                "SV" => T.CreateChecked(BinaryPrimitives.ReadInt64LittleEndian(b)),
                "UV" or "OV" => T.CreateChecked(BinaryPrimitives.ReadUInt64LittleEndian(b)),
                "AT" => T.CreateChecked((uint)BinaryPrimitives.ReadUInt16LittleEndian(b) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(b[2..])),
                _ => T.CreateChecked(b[0]),
            };
        }

        return values;
    }

    private static string Decode(DicomVR vr, ReadOnlySpan<byte> bytes, DicomCharacterSet cs) =>
        vr.IsAffectedBySpecificCharacterSet ? cs.Decode(bytes, vr.TextKind) : Encoding.Latin1.GetString(bytes);

    private static string FormatBinary(DicomVR vr, ReadOnlySpan<byte> bytes)
    {
        if (vr == DicomVR.OB || vr == DicomVR.UN)
        {
            return Convert.ToHexString(bytes);
        }

        var sb = new StringBuilder();
        var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
        for (var i = 0; i + unit <= bytes.Length; i += unit)
        {
            if (sb.Length > 0)
            {
                sb.Append('\\');
            }

            var b = bytes.Slice(i, unit);
            _ = vr.Code switch
            {
                "US" or "OW" => sb.Append(BinaryPrimitives.ReadUInt16LittleEndian(b)),
                "SS" => sb.Append(BinaryPrimitives.ReadInt16LittleEndian(b)),
                "UL" or "OL" => sb.Append(BinaryPrimitives.ReadUInt32LittleEndian(b)),
                "SL" => sb.Append(BinaryPrimitives.ReadInt32LittleEndian(b)),
                "FL" or "OF" => sb.Append(BinaryPrimitives.ReadSingleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture)),
                "FD" or "OD" => sb.Append(BinaryPrimitives.ReadDoubleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture)),
                "SV" => sb.Append(BinaryPrimitives.ReadInt64LittleEndian(b)),
                "UV" or "OV" => sb.Append(BinaryPrimitives.ReadUInt64LittleEndian(b)),
                "AT" => sb.Append(new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b), BinaryPrimitives.ReadUInt16LittleEndian(b[2..])).ToString()),
                _ => sb.Append(b[0]),
            };
        }

        return sb.ToString();
    }
}
