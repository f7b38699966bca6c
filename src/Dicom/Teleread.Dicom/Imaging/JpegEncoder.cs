using System.Buffers.Binary;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// Baseline sequential JPEG (T.81 process 1, JFIF): 8-bit gray, or YCbCr 4:4:4 / 4:2:0 from RGB(A);
/// example quantization tables scaled by quality as libjpeg does, typical Huffman tables.
/// </summary>
public static class JpegEncoder
{
    private static readonly float[] Cosines = CreateCosines();
    private static readonly JpegHuffmanTable LuminanceDc = new(JpegStandardTables.LuminanceDcBits, JpegStandardTables.LuminanceDcValues);
    private static readonly JpegHuffmanTable LuminanceAc = new(JpegStandardTables.LuminanceAcBits, JpegStandardTables.LuminanceAcValues);
    private static readonly JpegHuffmanTable ChrominanceDc = new(JpegStandardTables.ChrominanceDcBits, JpegStandardTables.ChrominanceDcValues);
    private static readonly JpegHuffmanTable ChrominanceAc = new(JpegStandardTables.ChrominanceAcBits, JpegStandardTables.ChrominanceAcValues);

    public static byte[] Encode(DicomBitmap bitmap, int quality = 90, JpegChromaSubsampling subsampling = JpegChromaSubsampling.Half420)
    {
        using var output = new MemoryStream();
        Encode(bitmap, output, quality, subsampling);
        return output.ToArray();
    }

    public static void Encode(DicomBitmap bitmap, Stream output, int quality = 90, JpegChromaSubsampling subsampling = JpegChromaSubsampling.Half420)
    {
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality is 1..100.");
        if (bitmap.Width > 65535 || bitmap.Height > 65535)
            throw new DicomImagingException($"Baseline JPEG holds at most 65535×65535 pixels, not {bitmap.Width}×{bitmap.Height}.");
        bool gray = bitmap.Format == DicomBitmapFormat.Gray8;
        int factor = gray || subsampling == JpegChromaSubsampling.None444 ? 1 : 2;
        byte[] luminance = ScaleQuantization(JpegStandardTables.LuminanceQuantization, quality);
        byte[] chrominance = ScaleQuantization(JpegStandardTables.ChrominanceQuantization, quality);

        WriteMarker(output, 0xD8); // SOI
        WriteSegment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        WriteQuantization(output, 0, luminance);
        if (!gray) WriteQuantization(output, 1, chrominance);
        WriteFrameHeader(output, bitmap, gray, factor);
        WriteHuffman(output, 0x00, LuminanceDc);
        WriteHuffman(output, 0x10, LuminanceAc);
        if (!gray)
        {
            WriteHuffman(output, 0x01, ChrominanceDc);
            WriteHuffman(output, 0x11, ChrominanceAc);
        }
        WriteScanHeader(output, gray);

        var writer = new JpegBitWriter(output);
        if (gray) EncodeGray(bitmap, writer, Reciprocals(luminance));
        else EncodeColor(bitmap, writer, Reciprocals(luminance), Reciprocals(chrominance), factor);
        writer.Flush();
        WriteMarker(output, 0xD9); // EOI
    }

    private static void EncodeGray(DicomBitmap bitmap, JpegBitWriter writer, float[] quantization)
    {
        Span<float> block = stackalloc float[64];
        int previousDc = 0;
        var pixels = bitmap.Pixels.AsSpan();
        for (int by = 0; by < bitmap.Height; by += 8)
        {
            for (int bx = 0; bx < bitmap.Width; bx += 8)
            {
                for (int y = 0; y < 8; y++)
                {
                    int row = Math.Min(by + y, bitmap.Height - 1) * bitmap.Width;
                    for (int x = 0; x < 8; x++) block[y * 8 + x] = pixels[row + Math.Min(bx + x, bitmap.Width - 1)] - 128f;
                }
                previousDc = EncodeBlock(block, quantization, previousDc, writer, LuminanceDc, LuminanceAc);
            }
        }
    }

    private static void EncodeColor(DicomBitmap bitmap, JpegBitWriter writer, float[] luminanceQ, float[] chrominanceQ, int factor)
    {
        int width = bitmap.Width, height = bitmap.Height, channels = bitmap.BytesPerPixel, mcu = 8 * factor;
        Span<float> yPlane = stackalloc float[256];
        Span<float> cbPlane = stackalloc float[256];
        Span<float> crPlane = stackalloc float[256];
        Span<float> block = stackalloc float[64];
        var pixels = bitmap.Pixels.AsSpan();
        int dcY = 0, dcCb = 0, dcCr = 0;
        for (int my = 0; my < height; my += mcu)
        {
            for (int mx = 0; mx < width; mx += mcu)
            {
                // Convert the MCU to Y, Cb, Cr (JFIF), replicating edge pixels past the image.
                for (int y = 0; y < mcu; y++)
                {
                    int sy = Math.Min(my + y, height - 1);
                    for (int x = 0; x < mcu; x++)
                    {
                        int offset = (sy * width + Math.Min(mx + x, width - 1)) * channels;
                        float r = pixels[offset], g = pixels[offset + 1], b = pixels[offset + 2];
                        int i = y * mcu + x;
                        yPlane[i] = 0.299f * r + 0.587f * g + 0.114f * b - 128f;
                        cbPlane[i] = -0.168736f * r - 0.331264f * g + 0.5f * b;
                        crPlane[i] = 0.5f * r - 0.418688f * g - 0.081312f * b;
                    }
                }
                for (int v = 0; v < factor; v++)
                {
                    for (int h = 0; h < factor; h++)
                    {
                        for (int y = 0; y < 8; y++)
                            for (int x = 0; x < 8; x++) block[y * 8 + x] = yPlane[(v * 8 + y) * mcu + h * 8 + x];
                        dcY = EncodeBlock(block, luminanceQ, dcY, writer, LuminanceDc, LuminanceAc);
                    }
                }
                Downsample(cbPlane, block, factor, mcu);
                dcCb = EncodeBlock(block, chrominanceQ, dcCb, writer, ChrominanceDc, ChrominanceAc);
                Downsample(crPlane, block, factor, mcu);
                dcCr = EncodeBlock(block, chrominanceQ, dcCr, writer, ChrominanceDc, ChrominanceAc);
            }
        }
    }

    private static void Downsample(ReadOnlySpan<float> plane, Span<float> block, int factor, int mcu)
    {
        float scale = 1f / (factor * factor);
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                float sum = 0;
                for (int dy = 0; dy < factor; dy++)
                    for (int dx = 0; dx < factor; dx++) sum += plane[(y * factor + dy) * mcu + x * factor + dx];
                block[y * 8 + x] = sum * scale;
            }
        }
    }

    /// <summary>Forward DCT, quantization and Huffman coding of one level-shifted block; returns its DC value.</summary>
    private static int EncodeBlock(Span<float> block, float[] reciprocals, int previousDc, JpegBitWriter writer, JpegHuffmanTable dc, JpegHuffmanTable ac)
    {
        Span<float> temp = stackalloc float[64];
        // Separable DCT: rows, then columns, with Cosines[u * 8 + x] = C(u)/2 · cos((2x+1)uπ/16).
        for (int y = 0; y < 8; y++)
        {
            for (int u = 0; u < 8; u++)
            {
                float sum = 0;
                for (int x = 0; x < 8; x++) sum += Cosines[u * 8 + x] * block[y * 8 + x];
                temp[y * 8 + u] = sum;
            }
        }
        Span<int> coefficients = stackalloc int[64];
        for (int u = 0; u < 8; u++)
        {
            for (int v = 0; v < 8; v++)
            {
                float sum = 0;
                for (int y = 0; y < 8; y++) sum += Cosines[v * 8 + y] * temp[y * 8 + u];
                coefficients[v * 8 + u] = (int)MathF.Round(sum * reciprocals[v * 8 + u]);
            }
        }

        int dcValue = coefficients[0];
        WriteCoded(writer, dc, dcValue - previousDc, run: 0);
        var zigZag = JpegStandardTables.ZigZag;
        int zeros = 0;
        for (int k = 1; k < 64; k++)
        {
            int value = coefficients[zigZag[k]];
            if (value == 0)
            {
                zeros++;
                continue;
            }
            while (zeros > 15)
            {
                writer.Write(ac.Codes[0xF0], ac.Lengths[0xF0]); // ZRL: sixteen zeros
                zeros -= 16;
            }
            WriteCoded(writer, ac, value, zeros);
            zeros = 0;
        }
        if (zeros > 0) writer.Write(ac.Codes[0x00], ac.Lengths[0x00]); // EOB
        return dcValue;
    }

    /// <summary>Writes the symbol (run, size) and then the size low bits of the value (T.81 F.1.2.1/F.1.2.2).</summary>
    private static void WriteCoded(JpegBitWriter writer, JpegHuffmanTable table, int value, int run)
    {
        int magnitude = Math.Abs(value);
        int size = magnitude == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)magnitude);
        int symbol = (run << 4) | size;
        writer.Write(table.Codes[symbol], table.Lengths[symbol]);
        if (size > 0) writer.Write(value < 0 ? value - 1 : value, size);
    }

    private static byte[] ScaleQuantization(ReadOnlySpan<byte> table, int quality)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        var scaled = new byte[64];
        for (int i = 0; i < 64; i++) scaled[i] = (byte)Math.Clamp((table[i] * scale + 50) / 100, 1, 255);
        return scaled;
    }

    private static float[] Reciprocals(byte[] table) => table.Select(q => 1f / q).ToArray();

    private static float[] CreateCosines()
    {
        var cosines = new float[64];
        for (int u = 0; u < 8; u++)
        {
            double cu = u == 0 ? 1 / Math.Sqrt(2) : 1;
            for (int x = 0; x < 8; x++) cosines[u * 8 + x] = (float)(cu / 2 * Math.Cos((2 * x + 1) * u * Math.PI / 16));
        }
        return cosines;
    }

    private static void WriteMarker(Stream output, byte marker)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
    }

    private static void WriteSegment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        WriteMarker(output, marker);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }

    private static void WriteQuantization(Stream output, byte id, byte[] table)
    {
        Span<byte> payload = stackalloc byte[65];
        payload[0] = id; // 8-bit precision
        for (int k = 0; k < 64; k++) payload[1 + k] = table[JpegStandardTables.ZigZag[k]];
        WriteSegment(output, 0xDB, payload);
    }

    private static void WriteFrameHeader(Stream output, DicomBitmap bitmap, bool gray, int factor)
    {
        int components = gray ? 1 : 3;
        Span<byte> payload = stackalloc byte[6 + 3 * components];
        payload[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(payload[1..], (ushort)bitmap.Height);
        BinaryPrimitives.WriteUInt16BigEndian(payload[3..], (ushort)bitmap.Width);
        payload[5] = (byte)components;
        payload[6] = 1;
        payload[7] = (byte)((factor << 4) | factor);
        payload[8] = 0;
        if (!gray)
        {
            payload[9] = 2; payload[10] = 0x11; payload[11] = 1;
            payload[12] = 3; payload[13] = 0x11; payload[14] = 1;
        }
        WriteSegment(output, 0xC0, payload); // SOF0
    }

    private static void WriteHuffman(Stream output, byte classAndId, JpegHuffmanTable table)
    {
        var payload = new byte[1 + 16 + table.Values.Length];
        payload[0] = classAndId;
        table.Bits.CopyTo(payload, 1);
        table.Values.CopyTo(payload, 17);
        WriteSegment(output, 0xC4, payload);
    }

    private static void WriteScanHeader(Stream output, bool gray)
    {
        byte[] payload = gray
            ? [1, 1, 0x00, 0, 63, 0]
            : [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0];
        WriteSegment(output, 0xDA, payload);
    }
}
