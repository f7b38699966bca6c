using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class DicomImageRendererTests : IDisposable
{
    private readonly string _temp = ImagingTestTools.CreateTempDirectory();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static byte[] Le16(params short[] values) => values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    [Fact]
    public void Applies_rescale_before_the_window()
    {
        // Stored 0..3, slope 10, intercept -15: modality -15, -5, 5, 15; window 0/20 exact maps -10..10.
        var description = PixelDescriptions.Gray(1, 4, 16) with { RescaleSlope = 10, RescaleIntercept = -15 };
        var options = new DicomRenderOptions { Window = new DicomWindow(0, 20), VoiLutFunction = DicomVoiLutFunction.LinearExact };

        var bitmap = DicomImageRenderer.Render(description, Le16(0, 1, 2, 3), 0, options);

        Assert.Equal(new byte[] { 0, 64, 191, 255 }, bitmap.Pixels);
    }

    [Fact]
    public void Uses_the_window_from_the_attributes_by_index()
    {
        var description = PixelDescriptions.Gray(1, 3, 16, signed: true) with { WindowCenters = [0, 0], WindowWidths = [1, 2001] };

        // Width 1 is a step at center - 0.5; width 2001 puts -1, 0, 1 near the middle gray.
        Assert.Equal(new byte[] { 0, 255, 255 }, DicomImageRenderer.Render(description, Le16(-1, 0, 1), 0).Pixels);
        Assert.Equal(new byte[] { 127, 128, 128 }, DicomImageRenderer.Render(description, Le16(-1, 0, 1), 0, new DicomRenderOptions { WindowIndex = 1 }).Pixels);
    }

    [Fact]
    public void Computes_a_min_max_window_when_none_is_given()
    {
        var description = PixelDescriptions.Gray(1, 3, 16, signed: true);

        var bitmap = DicomImageRenderer.Render(description, Le16(-300, 100, 500), 0);

        Assert.Equal(new byte[] { 0, 128, 255 }, bitmap.Pixels);
    }

    [Fact]
    public void Inverts_monochrome1()
    {
        var description = PixelDescriptions.Gray(1, 2, 8) with { PhotometricInterpretation = DicomPhotometricInterpretation.Monochrome1 };

        Assert.Equal(new byte[] { 255, 0 }, DicomImageRenderer.Render(description, new byte[] { 0, 255 }, 0).Pixels);
    }

    [Fact]
    public void Renders_values_beyond_the_lookup_table_range_directly()
    {
        var description = PixelDescriptions.Gray(1, 2, 32, signed: true);

        var bitmap = DicomImageRenderer.Render(description, new byte[] { 0, 0, 0, 0x80, 0xFF, 0xFF, 0xFF, 0x7F }, 0);

        Assert.Equal(new byte[] { 0, 255 }, bitmap.Pixels);
    }

    [Fact]
    public void Writes_gray_as_opaque_rgba_when_asked()
    {
        var bitmap = DicomImageRenderer.Render(PixelDescriptions.Gray(1, 2, 8), new byte[] { 0, 255 }, 0, new DicomRenderOptions { Format = DicomBitmapFormat.Rgba32 });

        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255, 255, 255 }, bitmap.Pixels);
    }

    [Fact]
    public void Converts_ybr_full_to_rgb()
    {
        // Y=76 Cb=85 Cr=255 is pure red in BT.601 full range, Y=150 Cb=44 Cr=21 green, Y=29 Cb=255 Cr=107 blue.
        var description = PixelDescriptions.Color(1, 3, DicomPhotometricInterpretation.YbrFull);

        var bitmap = DicomImageRenderer.Render(description, new byte[] { 76, 85, 255, 150, 44, 21, 29, 255, 107 }, 0);

        AssertClose(new byte[] { 254, 0, 0, 0, 255, 1, 0, 0, 255 }, bitmap.Pixels, tolerance: 2);
    }

    [Fact]
    public void Maps_palette_color_with_clamping_outside_the_table()
    {
        var palette = new DicomPaletteColorLut(3, 10, 16, [0x0000, 0x8000, 0xFFFF], [0xFFFF, 0x8000, 0x0000], [0x1200, 0x3400, 0x5600]);
        var description = PixelDescriptions.Gray(1, 3, 8) with { PhotometricInterpretation = DicomPhotometricInterpretation.PaletteColor };

        var bitmap = DicomImageRenderer.Render(description, new byte[] { 5, 11, 200 }, 0, new DicomRenderOptions { Palette = palette });

        Assert.Equal(new byte[] { 0, 255, 0x12, 0x80, 0x80, 0x34, 255, 0, 0x56 }, bitmap.Pixels);
    }

    [Theory]
    [InlineData("pydicom/palettes/hotiron.dcm")]
    [InlineData("pydicom/palettes/pet.dcm")]
    public void Maps_a_stored_palette_like_pydicom(string sample)
    {
        string prefix = Path.Combine(_temp, "palette");
        using var json = System.Text.Json.JsonDocument.Parse(ImagingTestTools.RunHelper("palette", ImagingTestTools.Sample(sample), prefix));
        int[] descriptor = json.RootElement.GetProperty("descriptor").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var palette = DicomPaletteColorLut.FromAttributeBytes(descriptor[0], descriptor[1], descriptor[2],
            File.ReadAllBytes(prefix + ".Red"), File.ReadAllBytes(prefix + ".Green"), File.ReadAllBytes(prefix + ".Blue"));
        var description = PixelDescriptions.Gray(16, 16, 8) with { PhotometricInterpretation = DicomPhotometricInterpretation.PaletteColor };

        var bitmap = DicomImageRenderer.Render(description, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 0, new DicomRenderOptions { Palette = palette });

        Assert.Equal(File.ReadAllBytes(prefix + ".expected"), bitmap.Pixels);
    }

    [Fact]
    public void Refuses_palette_color_without_a_palette()
    {
        var description = PixelDescriptions.Gray(1, 1, 8) with { PhotometricInterpretation = DicomPhotometricInterpretation.PaletteColor };

        Assert.Throws<DicomImagingException>(() => DicomImageRenderer.Render(description, new byte[] { 1 }, 0));
    }

    [Fact]
    public void Renders_the_rgb_sample_unchanged()
    {
        var (description, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample("pydicom/test_files/SC_rgb_jpeg_dcmd.dcm"));

        var bitmap = DicomImageRenderer.Render(description, pixels, 0);

        Assert.Equal(pixels.AsSpan(0, 256 * 256 * 3).ToArray(), bitmap.Pixels);
    }

    [Theory]
    [InlineData("pydicom/test_files/MR_small.dcm", "+Wi", "1")]          // window from the attributes (600/1600)
    [InlineData("octave-dicom/CT-MONO2-16-ankle.dcm", "+Wi", "1")]
    [InlineData("pydicom/test_files/CT_small.dcm", "+Ww", "40", "400")]  // rescaled CT, soft-tissue window
    [InlineData("pydicom/test_files/SC_ybr_full_422_uncompressed.dcm")]  // YBR_FULL_422 to RGB
    public void Renders_like_dcmj2pnm(string sample, params string[] dcmtkWindow)
    {
        string file = ImagingTestTools.Sample(sample);
        var (description, pixels) = ImagingTestTools.ReadNative(file);
        string pnm = Path.Combine(_temp, "dcmtk.pnm");
        ImagingTestTools.Run("dcmj2pnm", [.. dcmtkWindow, file, pnm]);
        var expected = ImagingTestTools.DecodeWithPil(pnm);
        var options = dcmtkWindow.Length == 3
            ? new DicomRenderOptions { Window = new DicomWindow(double.Parse(dcmtkWindow[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(dcmtkWindow[2], System.Globalization.CultureInfo.InvariantCulture)) }
            : new DicomRenderOptions();

        var bitmap = DicomImageRenderer.Render(description, pixels, 0, options);

        Assert.Equal((expected.Width, expected.Height), (bitmap.Width, bitmap.Height));
        AssertClose(expected.Pixels, bitmap.Pixels, tolerance: description.IsMonochrome ? 1 : 2);
    }

    internal static void AssertClose(byte[] expected, byte[] actual, int tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        int worst = 0, where = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            int difference = Math.Abs(expected[i] - actual[i]);
            if (difference > worst)
            {
                worst = difference;
                where = i;
            }
        }
        Assert.True(worst <= tolerance, $"Byte {where} differs by {worst} (expected {(where >= 0 ? expected[where] : 0)}, got {(where >= 0 ? actual[where] : 0)}); tolerance {tolerance}.");
    }
}
