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
        int stride = bitmap.Stride, bpp = bitmap.BytesPerPixel;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(5 * (stride + 1));
        try
        {
            // Five candidate rows (filter type byte + data); the one with the smallest sum of |signed bytes| wins (PNG spec 12.8).
            var candidates = buffer.AsSpan(0, 5 * (stride + 1));
            ReadOnlySpan<byte> previous = default;
            for (int y = 0; y < bitmap.Height; y++)
            {
                ReadOnlySpan<byte> row = bitmap.Row(y);
                int best = 0;
                long bestScore = long.MaxValue;
                for (int filter = 0; filter < 5; filter++)
                {
                    var target = candidates.Slice(filter * (stride + 1), stride + 1);
                    target[0] = (byte)filter;
                    long score = Filter(filter, row, previous, bpp, target[1..]);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = filter;
                    }
                }
                zlib.Write(candidates.Slice(best * (stride + 1), stride + 1));
                previous = row;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bpp, Span<byte> target)
    {
        long score = 0;
        bool hasPrevious = !previous.IsEmpty;
        for (int i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0;
            int b = hasPrevious ? previous[i] : 0;
            int c = hasPrevious && i >= bpp ? previous[i - bpp] : 0;
            int predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            byte value = (byte)(row[i] - predictor);
            target[i] = value;
            score += value < 128 ? value : 256 - value;
        }
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
