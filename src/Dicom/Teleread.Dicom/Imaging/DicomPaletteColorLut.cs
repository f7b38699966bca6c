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
