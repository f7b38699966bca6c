using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>Turns text and numbers into raw little-endian value bytes per VR, padded to even length (PS3.5 7.1.1).</summary>
internal static class DicomValueEncoder
{
    public static byte[] EncodeString(DicomVR vr, string value, DicomCharacterSet cs)
    {
        if (vr.Kind == DicomVRKind.Binary || vr == DicomVR.SQ)
        {
            throw new DicomDataException($"VR {vr} does not hold text.");
        }

        var bytes = vr.IsAffectedBySpecificCharacterSet ? cs.Encode(value, vr.TextKind) : Encoding.Latin1.GetBytes(value);
        return Pad(bytes, vr.PaddingByte);
    }

    public static byte[] EncodeNumbers<T>(DicomVR vr, ReadOnlySpan<T> values)
        where T : struct, INumberBase<T>
    {
        if (vr.Kind == DicomVRKind.NumericString)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append('\\');
                }

                sb.Append(vr == DicomVR.IS ? long.CreateChecked(values[i]).ToString(CultureInfo.InvariantCulture) : FormatDecimalString(double.CreateChecked(values[i])));
            }

            return Pad(Encoding.ASCII.GetBytes(sb.ToString()), 0x20);
        }

        if (vr.Kind != DicomVRKind.Binary)
        {
            throw new DicomDataException($"VR {vr} does not hold numbers.");
        }

        var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
        var bytes = new byte[values.Length * unit];
        for (var i = 0; i < values.Length; i++)
        {
            var b = bytes.AsSpan(i * unit, unit);
            var v = values[i];
            switch (vr.Code)
            {
                case "US" or "OW": BinaryPrimitives.WriteUInt16LittleEndian(b, ushort.CreateChecked(v)); break;
                case "SS": BinaryPrimitives.WriteInt16LittleEndian(b, short.CreateChecked(v)); break;
                case "UL" or "OL": BinaryPrimitives.WriteUInt32LittleEndian(b, uint.CreateChecked(v)); break;
                case "SL": BinaryPrimitives.WriteInt32LittleEndian(b, int.CreateChecked(v)); break;
                case "FL" or "OF": BinaryPrimitives.WriteSingleLittleEndian(b, float.CreateChecked(v)); break;
                case "FD" or "OD": BinaryPrimitives.WriteDoubleLittleEndian(b, double.CreateChecked(v)); break;
                case "SV": BinaryPrimitives.WriteInt64LittleEndian(b, long.CreateChecked(v)); break;
                case "UV" or "OV": BinaryPrimitives.WriteUInt64LittleEndian(b, ulong.CreateChecked(v)); break;
                case "AT":
                    var tag = uint.CreateChecked(v);
                    BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(tag >> 16));
                    BinaryPrimitives.WriteUInt16LittleEndian(b[2..], (ushort)tag);
                    break;
                default: b[0] = byte.CreateChecked(v); break;
            }
        }

        return Pad(bytes, 0);
    }

    /// <summary>A DS value within its 16 characters, as precise as fits.</summary>
    internal static string FormatDecimalString(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        for (var precision = 15; s.Length > 16 && precision > 1; precision--)
        {
            s = d.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return s;
    }

    private static byte[] Pad(byte[] bytes, byte padding)
    {
        if ((bytes.Length & 1) == 0)
        {
            return bytes;
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return padded;
    }
}
