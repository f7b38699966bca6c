using System.Buffers.Binary;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// Which fragments of encapsulated Pixel Data make up each frame (PS3.5 A.4): from the Extended Offset Table
/// (7FE0,0001/0002) when present, else the Basic Offset Table, else one fragment per frame (or all fragments for a single frame).
/// </summary>
internal static class DicomFrameFragments
{
    /// <summary>For each frame, the index of its first fragment and how many fragments it spans.</summary>
    public static (int First, int Count)[] Map(DicomDataset dataset, DicomFragmentSequence fragments, int frameCount)
    {
        int fragmentCount = fragments.Fragments.Count;
        if (fragmentCount == 0) throw new DicomImagingException("Encapsulated Pixel Data (7FE0,0010) holds no fragments.");
        if (frameCount > fragmentCount)
            throw new DicomImagingException($"Number of Frames (0028,0008) is {frameCount} but the Pixel Data holds only {fragmentCount} fragment(s); every frame needs at least one.");

        // Offsets in both tables count from the first byte of the first fragment's item tag; each item has an 8-byte header.
        var starts = new long[fragmentCount + 1];
        for (int i = 0; i < fragmentCount; i++)
        {
            long length = fragments.Fragments[i].Length;
            starts[i + 1] = starts[i] + 8 + length + (length & 1);
        }

        if (dataset.GetElement(DicomTags.ExtendedOffsetTable) is { Length: > 0 } extended)
            return FromExtendedTable(dataset, extended, starts, frameCount);
        if (fragments.OffsetTableBytes.Length > 0)
            return FromOffsets(Array.ConvertAll(fragments.BasicOffsetTable, o => (long)o), starts, frameCount, "Basic Offset Table");
        if (frameCount == 1) return [(0, fragmentCount)];
        if (frameCount == fragmentCount)
        {
            var map = new (int, int)[frameCount];
            for (int i = 0; i < frameCount; i++) map[i] = (i, 1);
            return map;
        }
        throw new DicomImagingException(
            $"The Pixel Data has {fragmentCount} fragments for {frameCount} frames and no offset table, so the fragments of each frame are unknown.");
    }

    private static (int First, int Count)[] FromExtendedTable(DicomDataset dataset, DicomElement table, long[] starts, int frameCount)
    {
        var bytes = table.LoadValue().Span;
        if (bytes.Length / 8 != frameCount)
            throw new DicomImagingException($"Extended Offset Table (7FE0,0001) has {bytes.Length / 8} entries; Number of Frames is {frameCount}.");
        var offsets = new long[frameCount];
        for (int i = 0; i < frameCount; i++)
        {
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
            offsets[i] = offset <= long.MaxValue ? (long)offset : -1;
        }

        var lengths = dataset.GetElement(DicomTags.ExtendedOffsetTableLengths);
        if (lengths is not null && lengths.Length / 8 != frameCount)
            throw new DicomImagingException($"Extended Offset Table Lengths (7FE0,0002) has {lengths.Length / 8} entries; Number of Frames is {frameCount}.");
        return FromOffsets(offsets, starts, frameCount, "Extended Offset Table");
    }

    private static (int First, int Count)[] FromOffsets(long[] offsets, long[] starts, int frameCount, string tableName)
    {
        if (offsets.Length != frameCount)
            throw new DicomImagingException($"The {tableName} has {offsets.Length} entries; Number of Frames is {frameCount}.");
        var firsts = new int[frameCount];
        int previous = -1;
        for (int frame = 0; frame < frameCount; frame++)
        {
            int index = Array.BinarySearch(starts, 0, starts.Length - 1, offsets[frame]);
            if (index < 0 || index <= previous)
                throw new DicomImagingException($"{tableName} entry {frame + 1} ({offsets[frame]}) is not the start of a fragment after the previous frame's.");
            firsts[frame] = previous = index;
        }
        var map = new (int, int)[frameCount];
        for (int frame = 0; frame < frameCount; frame++)
        {
            int end = frame + 1 < frameCount ? firsts[frame + 1] : starts.Length - 1;
            map[frame] = (firsts[frame], end - firsts[frame]);
        }
        return map;
    }
}
