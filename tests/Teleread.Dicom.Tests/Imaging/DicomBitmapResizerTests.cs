using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class DicomBitmapResizerTests
{
    [Fact]
    public void Area_averaging_halves_to_the_mean_of_each_two_by_two_block()
    {
        var source = new DicomBitmap(4, 2, DicomBitmapFormat.Gray8, [0, 10, 100, 200, 20, 30, 50, 50]);

        var result = DicomBitmapResizer.Resize(source, 2, 1, DicomResizeMode.AreaAverage);

        Assert.Equal(new byte[] { 15, 100 }, result.Pixels);
    }

    [Fact]
    public void Area_averaging_weighs_partially_covered_pixels()
    {
        // 3 → 2: the middle pixel is split half and half.
        var source = new DicomBitmap(3, 1, DicomBitmapFormat.Gray8, [0, 90, 180]);

        var result = DicomBitmapResizer.Resize(source, 2, 1, DicomResizeMode.AreaAverage);

        Assert.Equal(new byte[] { 30, 150 }, result.Pixels);
    }

    [Fact]
    public void Bilinear_interpolates_between_pixel_centers()
    {
        var source = new DicomBitmap(2, 1, DicomBitmapFormat.Gray8, [0, 100]);

        var result = DicomBitmapResizer.Resize(source, 4, 1, DicomResizeMode.Bilinear);

        Assert.Equal(new byte[] { 0, 25, 75, 100 }, result.Pixels);
    }

    [Fact]
    public void Resizes_each_channel_independently()
    {
        var source = new DicomBitmap(2, 2, DicomBitmapFormat.Rgb24, [255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255]);

        var result = DicomBitmapResizer.Resize(source, 1, 1);

        Assert.Equal(new byte[] { 128, 0, 128 }, result.Pixels);
    }

    [Theory]
    [InlineData(512, 256, 128, 128, 128, 64)]
    [InlineData(256, 512, 128, 128, 64, 128)]
    [InlineData(100, 100, 300, 200, 200, 200)]
    [InlineData(1000, 1, 10, 10, 10, 1)]
    public void Fits_within_a_viewport_keeping_the_aspect_ratio(int width, int height, int maxWidth, int maxHeight, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), DicomBitmapResizer.FitWithin(width, height, maxWidth, maxHeight));
    }

    [Fact]
    public void Renders_a_thumbnail_into_the_viewport()
    {
        var description = PixelDescriptions.Gray(4, 8, 8);

        var bitmap = DicomImageRenderer.Render(description, Enumerable.Range(0, 32).Select(i => (byte)(i * 8)).ToArray(), 0,
            new DicomRenderOptions { ViewportWidth = 4, ViewportHeight = 4 });

        Assert.Equal((4, 2), (bitmap.Width, bitmap.Height));
    }
}
