using System.Buffers.Binary;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// RLE Lossless (PS3.5 Annex G, 1.2.840.10008.1.2.5): one frame is a 64-byte header (segment count and
/// 15 offsets) followed by PackBits segments, one per byte plane, most significant byte of each sample first.
/// </summary>
public static class RleCodec
{
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    /// <summary>Decodes one frame into native little-endian pixel bytes laid out as the description's Planar Configuration says.</summary>
    public static byte[] DecodeFrame(ReadOnlySpan<byte> frame, DicomPixelDescription description)
    {
        var native = new byte[CheckLayout(description)];
        DecodeFrame(frame, description, native);
        return native;
    }

    public static void DecodeFrame(ReadOnlySpan<byte> frame, DicomPixelDescription description, Span<byte> destination)
    {
        int frameLength = CheckLayout(description);
        if (destination.Length < frameLength)
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the frame needs {frameLength}.", nameof(destination));
        if (frame.Length < HeaderLength)
            throw new DicomRleException($"An RLE frame starts with a {HeaderLength}-byte header; the fragment has only {frame.Length} bytes.");

        int bytesPerSample = description.BitsAllocated / 8;
        int expectedSegments = bytesPerSample * description.SamplesPerPixel;
        uint segmentCount = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (segmentCount != expectedSegments)
            throw new DicomRleException($"The RLE header declares {segmentCount} segments; {description.SamplesPerPixel} sample(s) of {description.BitsAllocated} bits need {expectedSegments}.");

        Span<int> offsets = stackalloc int[MaxSegments + 1];
        for (int i = 0; i < segmentCount; i++)
        {
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + 4 * i)..]);
            uint previous = i == 0 ? HeaderLength - 1 : (uint)offsets[i - 1];
            if (offset < HeaderLength || offset >= frame.Length || offset <= previous)
                throw new DicomRleException($"RLE segment {i + 1} has offset {offset}, outside the {frame.Length}-byte fragment or not after the previous segment.");
            offsets[i] = (int)offset;
        }
        offsets[(int)segmentCount] = frame.Length;

        int pixels = description.PixelsPerFrame;
        bool interleaved = description.PlanarConfiguration == 0 || description.SamplesPerPixel == 1;
        for (int segment = 0; segment < segmentCount; segment++)
        {
            int sample = segment / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
            int start, stride;
            if (interleaved)
            {
                start = sample * bytesPerSample + byteInSample;
                stride = description.SamplesPerPixel * bytesPerSample;
            }
            else
            {
                start = sample * pixels * bytesPerSample + byteInSample;
                stride = bytesPerSample;
            }
            var source = frame[offsets[segment]..offsets[segment + 1]];
            int produced = UnpackBits(source, destination[start..], stride, pixels);
            if (produced < pixels)
                throw new DicomRleException($"RLE segment {segment + 1} decodes to {produced} bytes; the frame has {pixels} pixels.");
        }
    }

    /// <summary>Encodes one native frame (layout per the description's Planar Configuration); each row is packed separately.</summary>
    public static byte[] EncodeFrame(ReadOnlySpan<byte> nativeFrame, DicomPixelDescription description)
    {
        int frameLength = CheckLayout(description);
        if (nativeFrame.Length < frameLength)
            throw new ArgumentException($"The native frame has {nativeFrame.Length} bytes; the description needs {frameLength}.", nameof(nativeFrame));

        int bytesPerSample = description.BitsAllocated / 8;
        int segmentCount = bytesPerSample * description.SamplesPerPixel;
        int rows = description.Rows, columns = description.Columns, pixels = description.PixelsPerFrame;
        bool interleaved = description.PlanarConfiguration == 0 || description.SamplesPerPixel == 1;

        // Worst case PackBits adds one header byte per 128 literals; +1 per segment for even padding.
        int maxRow = columns + (columns + 127) / 128;
        var output = new byte[HeaderLength + segmentCount * (rows * maxRow + 1)];
        var row = new byte[columns];
        int position = HeaderLength;
        BinaryPrimitives.WriteUInt32LittleEndian(output, (uint)segmentCount);
        for (int segment = 0; segment < segmentCount; segment++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4 + 4 * segment), (uint)position);
            int sample = segment / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
            int start = interleaved ? sample * bytesPerSample + byteInSample : sample * pixels * bytesPerSample + byteInSample;
            int stride = interleaved ? description.SamplesPerPixel * bytesPerSample : bytesPerSample;
            for (int y = 0; y < rows; y++)
            {
                int index = start + y * columns * stride;
                for (int x = 0; x < columns; x++, index += stride) row[x] = nativeFrame[index];
                position += PackBits(row, output.AsSpan(position));
            }
            // PS3.5 G.3.1: each segment has an even length, padded with a zero byte.
            if ((position & 1) != 0) output[position++] = 0;
        }
        return output.AsSpan(0, position).ToArray();
    }

    private static int CheckLayout(DicomPixelDescription description)
    {
        description.Validate();
        if (description.BitsAllocated == 1)
            throw new DicomRleException("RLE Lossless of 1-bit data is not handled; Bits Allocated must be 8, 16 or 32.");
        if (description.PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422)
            throw new DicomRleException("RLE Lossless cannot carry YBR_FULL_422 (PS3.5 8.2.2); use YBR_FULL.");
        int segments = description.BitsAllocated / 8 * description.SamplesPerPixel;
        if (segments > MaxSegments)
            throw new DicomRleException($"{segments} byte planes exceed the {MaxSegments} segments an RLE frame can hold.");
        return description.BytesPerFrame;
    }

    /// <summary>Decodes PackBits into every <paramref name="stride"/>-th byte of the destination, at most <paramref name="count"/> bytes.</summary>
    private static int UnpackBits(ReadOnlySpan<byte> source, Span<byte> destination, int stride, int count)
    {
        int produced = 0, input = 0, output = 0;
        while (input < source.Length && produced < count)
        {
            int header = (sbyte)source[input++];
            if (header >= 0)
            {
                int literal = header + 1;
                if (input + literal > source.Length)
                    literal = source.Length - input; // truncated literal: take what exists, caught as a short segment
                literal = Math.Min(literal, count - produced);
                for (int i = 0; i < literal; i++, output += stride) destination[output] = source[input + i];
                input += header + 1;
                produced += literal;
            }
            else if (header != -128)
            {
                if (input >= source.Length) break;
                byte value = source[input++];
                int run = Math.Min(1 - header, count - produced);
                for (int i = 0; i < run; i++, output += stride) destination[output] = value;
                produced += run;
            }
        }
        return produced;
    }

    private static int PackBits(ReadOnlySpan<byte> row, Span<byte> destination)
    {
        int written = 0, i = 0;
        while (i < row.Length)
        {
            int run = 1;
            while (i + run < row.Length && run < 128 && row[i + run] == row[i]) run++;
            if (run >= 2)
            {
                destination[written++] = (byte)(1 - run);
                destination[written++] = row[i];
                i += run;
                continue;
            }
            // Literal until a repeat of 3 starts or 128 bytes are gathered. Breaking a literal for a pair would cost a header
            // byte without saving one, and "x yy z" patterns would then outgrow the bound EncodeFrame allocates.
            int literalStart = i;
            while (i < row.Length && i - literalStart < 128 && !(i + 2 < row.Length && row[i + 1] == row[i] && row[i + 2] == row[i])) i++;
            int length = i - literalStart;
            destination[written++] = (byte)(length - 1);
            row.Slice(literalStart, length).CopyTo(destination[written..]);
            written += length;
        }
        return written;
    }
}
