using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Teleread.Dicom;

/// <summary>In-place byte order reversal of each 2-, 4- or 8-byte unit (PS3.5 7.3: big endian swaps per value, not per stream).</summary>
internal static class DicomByteSwap
{
    public static void Swap(Span<byte> bytes, int unit)
    {
        var whole = bytes.Length / unit * unit;
        switch (unit)
        {
            case 2:
                var u16 = MemoryMarshal.Cast<byte, ushort>(bytes[..whole]);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                var u32 = MemoryMarshal.Cast<byte, uint>(bytes[..whole]);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                var u64 = MemoryMarshal.Cast<byte, ulong>(bytes[..whole]);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }

    /// <summary>The swap unit for a VR's value in big endian encodings (AT swaps each 16-bit half).</summary>
    public static int UnitFor(DicomVR vr) => vr.Kind == DicomVRKind.Binary ? vr.UnitSize : 1;
}
