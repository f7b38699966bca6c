using System.Buffers.Binary;

namespace Teleread.Dicom.Json;

/// <summary>
/// Encapsulated pixel data as one binary value, the way PS3.18 F.2.7 and pydicom carry it: the Item of the Basic Offset
/// Table then one Item per fragment (tag FFFE,E000 and a 32-bit length each, little endian), without the Sequence
/// Delimitation Item.
/// </summary>
internal static class DicomEncapsulatedValue
{
    private const int ItemHeader = 8;

    public static long Length(DicomFragmentSequence f)
    {
        long n = ItemHeader + f.OffsetTableBytes.Length;
        foreach (var fragment in f.Fragments)
        {
            n += ItemHeader + fragment.Length;
        }

        return n;
    }

    public static byte[] Encode(DicomFragmentSequence f)
    {
        var length = Length(f);
        if (length > Array.MaxLength)
        {
            throw new DicomJsonException($"{f.Tag} holds {length} bytes of encapsulated data, too many to write inline; use a BulkDataURI.");
        }

        var bytes = new byte[length];
        var at = WriteItem(bytes, 0, f.OffsetTableBytes.Span);
        foreach (var fragment in f.Fragments)
        {
            at = WriteItem(bytes, at, fragment.Load().Span);
        }

        return bytes;
    }

    /// <summary>Splits an encapsulated value back into offset table and fragments; stops at a Sequence Delimitation Item if one is present.</summary>
    public static DicomFragmentSequence Decode(DicomTag tag, DicomVR vr, ReadOnlySpan<byte> bytes)
    {
        var f = new DicomFragmentSequence(tag, vr);
        var first = true;
        var at = 0;
        while (at + ItemHeader <= bytes.Length)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            if (group == 0xFFFE && element == 0xE0DD)
            {
                break;
            }

            if (group != 0xFFFE || element != 0xE000 || length > bytes.Length - at - ItemHeader)
            {
                throw new DicomJsonException($"{tag}: encapsulated value has a malformed item at byte {at}.");
            }

            var data = bytes.Slice(at + ItemHeader, (int)length).ToArray();
            if (first)
            {
                f.OffsetTableBytes = data;
                first = false;
            }
            else
            {
                f.Fragments.Add(new DicomFragment(data));
            }

            at += ItemHeader + (int)length;
        }

        if (at != bytes.Length && !(at + ItemHeader <= bytes.Length))
        {
            throw new DicomJsonException($"{tag}: encapsulated value ends inside an item header.");
        }

        return f;
    }

    private static int WriteItem(Span<byte> into, int at, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(into[at..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(into[(at + 2)..], 0xE000);
        BinaryPrimitives.WriteUInt32LittleEndian(into[(at + 4)..], (uint)data.Length);
        data.CopyTo(into[(at + ItemHeader)..]);
        return at + ItemHeader + data.Length;
    }
}
