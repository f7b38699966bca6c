using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class DicomPixelDescriptionTests
{
    [Fact]
    public void Accepts_a_typical_ct_description()
    {
        PixelDescriptions.Gray(512, 512, 16, bitsStored: 12, signed: true).Validate();
    }

    [Fact]
    public void Lists_every_problem_in_one_exception()
    {
        var description = PixelDescriptions.Gray(0, 10, 12, bitsStored: 14) with
        {
            WindowCenters = [40],
            WindowWidths = [],
            RescaleSlope = 0,
        };

        var error = Assert.Throws<DicomPixelDescriptionException>(description.Validate);

        Assert.Contains(error.Problems, p => p.StartsWith("Rows (0028,0010) is 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Bits Allocated (0028,0100) is 12", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Bits Stored (0028,0101) is 14", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Rescale Slope", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Window Center (0028,1050) has 1 values", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DicomPhotometricInterpretation.Rgb, 1)]
    [InlineData(DicomPhotometricInterpretation.Monochrome2, 3)]
    [InlineData(DicomPhotometricInterpretation.PaletteColor, 3)]
    public void Rejects_samples_per_pixel_that_contradict_the_photometric_interpretation(DicomPhotometricInterpretation photometric, int samples)
    {
        var description = PixelDescriptions.Gray(2, 2, 8) with { PhotometricInterpretation = photometric, SamplesPerPixel = samples };

        var error = Assert.Throws<DicomPixelDescriptionException>(description.Validate);
        Assert.Contains(error.Problems, p => p.Contains("Samples per Pixel", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_linear_window_narrower_than_one_but_allows_it_for_linear_exact()
    {
        var linear = PixelDescriptions.Gray(1, 1, 8) with { WindowCenters = [10], WindowWidths = [0.5] };

        Assert.Throws<DicomPixelDescriptionException>(linear.Validate);
        (linear with { VoiLutFunction = DicomVoiLutFunction.LinearExact }).Validate();
    }

    [Fact]
    public void Rejects_an_odd_width_ybr_full_422_image()
    {
        var description = PixelDescriptions.Color(2, 3, DicomPhotometricInterpretation.YbrFull422);

        Assert.Throws<DicomPixelDescriptionException>(description.Validate);
    }

    [Theory]
    [InlineData("MONOCHROME1", DicomPhotometricInterpretation.Monochrome1)]
    [InlineData("PALETTE COLOR ", DicomPhotometricInterpretation.PaletteColor)]
    [InlineData("YBR_FULL_422", DicomPhotometricInterpretation.YbrFull422)]
    public void Parses_photometric_interpretation_code_strings(string code, DicomPhotometricInterpretation expected)
    {
        Assert.Equal(expected, DicomImagingAttributes.ParsePhotometricInterpretation(code));
    }

    [Fact]
    public void Rejects_unknown_voi_lut_functions_and_defaults_empty_to_linear()
    {
        Assert.Equal(DicomVoiLutFunction.Linear, DicomImagingAttributes.ParseVoiLutFunction(null));
        Assert.Equal(DicomVoiLutFunction.Sigmoid, DicomImagingAttributes.ParseVoiLutFunction("SIGMOID"));
        Assert.Throws<DicomImagingException>(() => DicomImagingAttributes.ParseVoiLutFunction("CUBIC"));
    }
}
