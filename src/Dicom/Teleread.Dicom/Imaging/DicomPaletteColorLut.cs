namespace Teleread.Dicom.Imaging;

/// <summary>
/// Red, Green and Blue Palette Color Lookup Tables (PS3.3 C.7.6.3.1.5/6): one descriptor (entries, first mapped
/// value, bits per entry) and the data as 16-bit words, the way (0028,1201..1203) store them.
/// </summary>
public sealed class DicomPaletteColorLut
{
    private readonly byte[] _red, _green, _blue;

    /// <param name="numberOfEntries">Descriptor value 1; 0 means 65536.</param>
    /// <param name="firstMappedValue">Descriptor value 2: the stored pixel value mapped to the first entry.</param>
    /// <param name="bitsPerEntry">Descriptor value 3: 8 or 16.</param>
    public DicomPaletteColorLut(int numberOfEntries, int firstMappedValue, int bitsPerEntry,
        ReadOnlySpan<ushort> red, ReadOnlySpan<ushort> green, ReadOnlySpan<ushort> blue)
    {
        if (numberOfEntries == 0) numberOfEntries = 65536;
        if (numberOfEntries is < 1 or > 65536)
            throw new DicomImagingException($"Palette Color LUT Descriptor declares {numberOfEntries} entries; it must be 1..65536 (0 meaning 65536).");
        if (bitsPerEntry is not (8 or 16))
            throw new DicomImagingException($"Palette Color LUT Descriptor declares {bitsPerEntry} bits per entry; it must be 8 or 16.");
        NumberOfEntries = numberOfEntries;
        FirstMappedValue = firstMappedValue;
        BitsPerEntry = bitsPerEntry;
        _red = ToBytes(red, "Red");
        _green = ToBytes(green, "Green");
        _blue = ToBytes(blue, "Blue");
    }

    /// <summary>
    /// From the raw little-endian OW values of (0028,1201..1203). With 8 bits per entry the data may hold one entry
    /// per byte (packed, as in the Color Palette IODs) or one per 16-bit word (low byte); the length tells which.
    /// </summary>
    public static DicomPaletteColorLut FromAttributeBytes(int numberOfEntries, int firstMappedValue, int bitsPerEntry,
        ReadOnlySpan<byte> red, ReadOnlySpan<byte> green, ReadOnlySpan<byte> blue)
    {
        int entries = numberOfEntries == 0 ? 65536 : numberOfEntries;
        bool packed = bitsPerEntry == 8 && red.Length < 2 * entries;
        return new DicomPaletteColorLut(numberOfEntries, firstMappedValue, bitsPerEntry, Words(red, packed), Words(green, packed), Words(blue, packed));
    }

    private static ushort[] Words(ReadOnlySpan<byte> data, bool packed)
    {
        if (packed)
        {
            var bytes = new ushort[data.Length];
            for (int i = 0; i < data.Length; i++) bytes[i] = data[i];
            return bytes;
        }
        var words = new ushort[data.Length / 2];
        for (int i = 0; i < words.Length; i++) words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]);
        return words;
    }

    public int NumberOfEntries { get; }
    public int FirstMappedValue { get; }
    public int BitsPerEntry { get; }

    /// <summary>Maps a stored value; values outside the table take the first or last entry (C.7.6.3.1.5).</summary>
    public (byte Red, byte Green, byte Blue) Map(long value)
    {
        long index = Math.Clamp(value - FirstMappedValue, 0, NumberOfEntries - 1);
        return (_red[index], _green[index], _blue[index]);
    }

    private byte[] ToBytes(ReadOnlySpan<ushort> data, string color)
    {
        if (data.Length < NumberOfEntries)
            throw new DicomImagingException($"{color} Palette Color LUT Data has {data.Length} entries; the descriptor declares {NumberOfEntries}.");
        var bytes = new byte[NumberOfEntries];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = BitsPerEntry == 16 ? (byte)(data[i] >> 8) : (byte)data[i];
        return bytes;
    }
}
