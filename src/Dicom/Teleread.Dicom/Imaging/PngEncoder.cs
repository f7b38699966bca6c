using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Teleread.Dicom.Imaging;

/// <summary>Writes a <see cref="DicomBitmap"/> as an 8-bit PNG (gray, RGB or RGBA), one IDAT chunk, adaptive row filters.</summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(DicomBitmap bitmap, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        Encode(bitmap, output, level);
        return output.ToArray();
    }

    public static void Encode(DicomBitmap bitmap, Stream output, CompressionLevel level = CompressionLevel.Fastest)
    {
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)bitmap.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)bitmap.Height);
        header[8] = 8; // bit depth
        header[9] = bitmap.Format switch
        {
            DicomBitmapFormat.Gray8 => 0,
            DicomBitmapFormat.Rgb24 => 2,
            _ => 6,
        };
        // compression 0, filter method 0, no interlace
        WriteChunk(output, "IHDR"u8, header);

        using (var compressed = new MemoryStream(bitmap.Pixels.Length / 2 + 64))
        {
            using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
                WriteFilteredRows(bitmap, zlib);
            WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteFilteredRows(DicomBitmap bitmap, Stream zlib)
    {
        int stride = bitmap.Stride, bpp = bitmap.BytesPerPixel, rowLength = stride + 1;
        int filteredLength = checked(bitmap.Height * rowLength);
        byte[] filtered = ArrayPool<byte>.Shared.Rent(filteredLength);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(4 * stride);
        try
        {
            // Each row tries the five filters; the smallest sum of |signed bytes| wins (PNG spec 12.8).
            ReadOnlySpan<byte> previous = default;
            for (int y = 0; y < bitmap.Height; y++)
            {
                ReadOnlySpan<byte> row = bitmap.Row(y);
                var target = filtered.AsSpan(y * rowLength, rowLength);
                int best = 0;
                long bestScore = long.MaxValue;
                for (int filter = 0; filter < 5; filter++)
                {
                    var candidate = filter == 0 ? target[1..] : scratch.AsSpan((filter - 1) * stride, stride);
                    long score = Filter(filter, row, previous, bpp, candidate);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = filter;
                    }
                }
                target[0] = (byte)best;
                if (best != 0) scratch.AsSpan((best - 1) * stride, stride).CopyTo(target[1..]);
                previous = row;
            }
            // One large write: the deflater is much slower fed row by row.
            zlib.Write(filtered, 0, filteredLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(filtered);
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Applies one filter type; returns the sum of |signed byte| of the result, the usual selection heuristic.</summary>
    private static long Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bpp, Span<byte> target)
    {
        int length = row.Length;
        target = target[..length];
        bool hasPrevious = !previous.IsEmpty;
        switch (filter)
        {
            case 0:
                row.CopyTo(target);
                break;
            case 1:
                row[..bpp].CopyTo(target);
                for (int i = bpp; i < length; i++) target[i] = (byte)(row[i] - row[i - bpp]);
                break;
            case 2:
                if (hasPrevious)
                {
                    for (int i = 0; i < length; i++) target[i] = (byte)(row[i] - previous[i]);
                }
                else
                {
                    row.CopyTo(target);
                }
                break;
            case 3:
                if (hasPrevious)
                {
                    for (int i = 0; i < bpp; i++) target[i] = (byte)(row[i] - (previous[i] >> 1));
                    for (int i = bpp; i < length; i++) target[i] = (byte)(row[i] - ((row[i - bpp] + previous[i]) >> 1));
                }
                else
                {
                    row[..bpp].CopyTo(target);
                    for (int i = bpp; i < length; i++) target[i] = (byte)(row[i] - (row[i - bpp] >> 1));
                }
                break;
            default:
                if (hasPrevious)
                {
                    for (int i = 0; i < bpp; i++) target[i] = (byte)(row[i] - previous[i]);
                    for (int i = bpp; i < length; i++) target[i] = (byte)(row[i] - Paeth(row[i - bpp], previous[i], previous[i - bpp]));
                }
                else
                {
                    // Without a previous row Paeth reduces to Sub.
                    row[..bpp].CopyTo(target);
                    for (int i = bpp; i < length; i++) target[i] = (byte)(row[i] - row[i - bpp]);
                }
                break;
        }
        long score = 0;
        foreach (byte value in target) score += Math.Abs((int)(sbyte)value);
        return score;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        output.Write(word);
    }
}
