using System.Buffers.Binary;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// One frame as stored values: Bits Stored extracted, sign extended when Pixel Representation is 1,
/// samples color-by-pixel whatever the Planar Configuration, YBR_FULL_422 chroma repeated to every pixel.
/// </summary>
public sealed class DicomFrame
{
    private DicomFrame(int rows, int columns, int samplesPerPixel, long[] values)
    {
        Rows = rows;
        Columns = columns;
        SamplesPerPixel = samplesPerPixel;
        Values = values;
    }

    public int Rows { get; }
    public int Columns { get; }
    public int SamplesPerPixel { get; }
    /// <summary>Rows × Columns × SamplesPerPixel values, row by row, samples of one pixel together.</summary>
    public long[] Values { get; }

    public long this[int row, int column, int sample = 0] => Values[(row * Columns + column) * SamplesPerPixel + sample];

    public (long Min, long Max) GetValueRange()
    {
        var span = Values.AsSpan();
        long min = long.MaxValue, max = long.MinValue;
        foreach (long value in span)
        {
            if (value < min) min = value;
            if (value > max) max = value;
        }
        return (min, max);
    }

    /// <summary>Reads frame <paramref name="frameIndex"/> (0-based) from native (uncompressed, little-endian) Pixel Data.</summary>
    public static DicomFrame Read(DicomPixelDescription description, ReadOnlySpan<byte> pixelData, int frameIndex)
    {
        var values = new long[description.PixelsPerFrame * description.SamplesPerPixel];
        ReadInto(description, pixelData, frameIndex, values);
        return new DicomFrame(description.Rows, description.Columns, description.SamplesPerPixel, values);
    }

    public static void ReadInto(DicomPixelDescription description, ReadOnlySpan<byte> pixelData, int frameIndex, Span<long> destination)
    {
        var d = description;
        d.Validate();
        DicomNativePixelData.CheckFrame(d, pixelData, frameIndex);
        int pixels = d.PixelsPerFrame, samples = d.SamplesPerPixel;
        if (destination.Length < pixels * samples)
            throw new ArgumentException($"The destination holds {destination.Length} values; the frame has {pixels * samples}.", nameof(destination));

        if (d.BitsAllocated == 1)
        {
            ReadBits(pixelData, (long)frameIndex * pixels, pixels, destination);
            return;
        }

        var frame = pixelData.Slice(checked(frameIndex * d.BytesPerFrame), d.BytesPerFrame);
        if (d.PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422)
        {
            ReadYbr422(frame, destination, pixels);
            return;
        }

        int shift = d.HighBit + 1 - d.BitsStored;
        long mask = d.BitsStored == 64 ? -1 : (1L << d.BitsStored) - 1;
        long signBit = d.IsSigned ? 1L << (d.BitsStored - 1) : 0;
        bool planar = samples > 1 && d.PlanarConfiguration == 1;
        int bytesPerSample = d.BitsAllocated / 8;
        for (int i = 0; i < pixels * samples; i++)
        {
            // i indexes the stored order; map it to color-by-pixel for planar data.
            int target = planar ? (i % pixels) * samples + i / pixels : i;
            long raw = bytesPerSample switch
            {
                1 => frame[i],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(frame[(2 * i)..]),
                _ => BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 * i)..]),
            };
            long value = (raw >> shift) & mask;
            destination[target] = (value ^ signBit) - signBit;
        }
    }

    private static void ReadBits(ReadOnlySpan<byte> pixelData, long firstBit, int count, Span<long> destination)
    {
        // PS3.5 8.1.1: 1-bit pixels are packed with the first pixel in the least significant bit.
        for (int i = 0; i < count; i++)
        {
            long bit = firstBit + i;
            destination[i] = (pixelData[(int)(bit >> 3)] >> (int)(bit & 7)) & 1;
        }
    }

    private static void ReadYbr422(ReadOnlySpan<byte> frame, Span<long> destination, int pixels)
    {
        // Native YBR_FULL_422 (PS3.3 C.7.6.3.1.2): Y1 Y2 Cb Cr for each horizontal pair of pixels.
        for (int pair = 0; pair < pixels / 2; pair++)
        {
            var source = frame.Slice(pair * 4, 4);
            var target = destination.Slice(pair * 6, 6);
            target[0] = source[0];
            target[1] = source[2];
            target[2] = source[3];
            target[3] = source[1];
            target[4] = source[2];
            target[5] = source[3];
        }
    }
}
