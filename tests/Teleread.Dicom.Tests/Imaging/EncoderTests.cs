using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>PNG and JPEG output decoded by a real decoder (PIL): PNG exactly, JPEG within tolerance.</summary>
public sealed class EncoderTests : IDisposable
{
    private readonly string _temp = ImagingTestTools.CreateTempDirectory();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static DicomBitmap RenderAnkle(DicomBitmapFormat format = DicomBitmapFormat.Gray8)
    {
        var (description, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample("octave-dicom/CT-MONO2-16-ankle.dcm"));
        return DicomImageRenderer.Render(description, pixels, 0, new DicomRenderOptions { Format = format });
    }

    private static DicomBitmap RenderRgbSample()
    {
        var (description, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample("pydicom/test_files/SC_rgb_jpeg_dcmd.dcm"));
        return DicomImageRenderer.Render(description, pixels, 0);
    }

    /// <summary>A smooth gradient with an odd size, so the encoders' edge handling is exercised.</summary>
    private static DicomBitmap Gradient(int width, int height, DicomBitmapFormat format)
    {
        var bitmap = new DicomBitmap(width, height, format);
        int channels = bitmap.BytesPerPixel;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < channels; c++)
                    bitmap.Pixels[(y * width + x) * channels + c] = c == 3 ? (byte)(x * 255 / width) : (byte)(x * 180 / width + y * 60 / height + c * 5);
            }
        }
        return bitmap;
    }

    private (string Mode, int Width, int Height, byte[] Pixels) Decode(byte[] encoded, string extension)
    {
        string path = Path.Combine(_temp, "image" + extension);
        File.WriteAllBytes(path, encoded);
        return ImagingTestTools.DecodeWithPil(path);
    }

    [Fact]
    public void Png_ends_with_the_iend_chunk_and_its_well_known_crc()
    {
        byte[] png = PngEncoder.Encode(new DicomBitmap(1, 1, DicomBitmapFormat.Gray8));

        Assert.Equal(new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);
    }

    [Fact]
    public void Png_starts_with_the_signature_and_an_ihdr_chunk()
    {
        byte[] png = PngEncoder.Encode(new DicomBitmap(3, 2, DicomBitmapFormat.Rgb24));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 3, 0, 0, 0, 2, 8, 2 }, png[..26]);
    }

    [Fact]
    public void Png_of_a_rendered_ct_decodes_to_the_same_pixels()
    {
        var bitmap = RenderAnkle();

        var decoded = Decode(PngEncoder.Encode(bitmap), ".png");

        Assert.Equal(("L", 512, 512), (decoded.Mode, decoded.Width, decoded.Height));
        Assert.Equal(bitmap.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(DicomBitmapFormat.Gray8, "L")]
    [InlineData(DicomBitmapFormat.Rgb24, "RGB")]
    [InlineData(DicomBitmapFormat.Rgba32, "RGBA")]
    public void Png_decodes_exactly_in_every_format(DicomBitmapFormat format, string mode)
    {
        var bitmap = Gradient(37, 23, format);

        var decoded = Decode(PngEncoder.Encode(bitmap, System.IO.Compression.CompressionLevel.SmallestSize), ".png");

        Assert.Equal((mode, 37, 23), (decoded.Mode, decoded.Width, decoded.Height));
        Assert.Equal(bitmap.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Png_of_the_rgb_sample_decodes_exactly()
    {
        var bitmap = RenderRgbSample();

        Assert.Equal(bitmap.Pixels, Decode(PngEncoder.Encode(bitmap), ".png").Pixels);
    }

    [Theory]
    [InlineData(95, 2.0, 16)]
    [InlineData(75, 4.0, 48)]
    public void Jpeg_of_a_rendered_ct_decodes_close_to_the_original(int quality, double meanTolerance, int maxTolerance)
    {
        var bitmap = RenderAnkle();

        byte[] jpeg = JpegEncoder.Encode(bitmap, quality);
        var decoded = Decode(jpeg, ".jpg");

        Assert.Equal(("L", 512, 512), (decoded.Mode, decoded.Width, decoded.Height));
        AssertSimilar(bitmap.Pixels, decoded.Pixels, meanTolerance, maxTolerance);
        Assert.True(jpeg.Length < bitmap.Pixels.Length / 2, $"{jpeg.Length} bytes is barely compressed");
    }

    [Theory]
    [InlineData(JpegChromaSubsampling.None444, 3.0, 40)]
    [InlineData(JpegChromaSubsampling.Half420, 5.0, 100)]
    public void Jpeg_of_the_rgb_sample_decodes_close_to_the_original(JpegChromaSubsampling subsampling, double meanTolerance, int maxTolerance)
    {
        var bitmap = RenderRgbSample();

        var decoded = Decode(JpegEncoder.Encode(bitmap, 90, subsampling), ".jpg");

        Assert.Equal(("RGB", 256, 256), (decoded.Mode, decoded.Width, decoded.Height));
        AssertSimilar(bitmap.Pixels, decoded.Pixels, meanTolerance, maxTolerance);
    }

    [Theory]
    [InlineData(DicomBitmapFormat.Gray8, JpegChromaSubsampling.Half420, "L")]
    [InlineData(DicomBitmapFormat.Rgb24, JpegChromaSubsampling.Half420, "RGB")]
    [InlineData(DicomBitmapFormat.Rgba32, JpegChromaSubsampling.None444, "RGB")]
    public void Jpeg_handles_sizes_that_are_not_multiples_of_the_block(DicomBitmapFormat format, JpegChromaSubsampling subsampling, string mode)
    {
        var bitmap = Gradient(37, 23, format);

        var decoded = Decode(JpegEncoder.Encode(bitmap, 95, subsampling), ".jpg");

        Assert.Equal((mode, 37, 23), (decoded.Mode, decoded.Width, decoded.Height));
        int channels = mode == "L" ? 1 : 3;
        var expected = new byte[37 * 23 * channels];
        for (int i = 0; i < 37 * 23; i++)
            for (int c = 0; c < channels; c++) expected[i * channels + c] = bitmap.Pixels[i * bitmap.BytesPerPixel + c];
        AssertSimilar(expected, decoded.Pixels, 2.0, 16);
    }

    [Fact]
    public void Jpeg_rejects_a_quality_outside_1_to_100()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JpegEncoder.Encode(new DicomBitmap(8, 8, DicomBitmapFormat.Gray8), 0));
    }

    private static void AssertSimilar(byte[] expected, byte[] actual, double meanTolerance, int maxTolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        long total = 0;
        int worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            int difference = Math.Abs(expected[i] - actual[i]);
            total += difference;
            worst = Math.Max(worst, difference);
        }
        double mean = (double)total / expected.Length;
        Assert.True(mean <= meanTolerance && worst <= maxTolerance, $"Mean error {mean:F2} (limit {meanTolerance}), max {worst} (limit {maxTolerance}).");
    }
}
