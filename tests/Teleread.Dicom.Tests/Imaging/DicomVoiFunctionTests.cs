using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>The VOI LUT functions of PS3.3 C.11.2.1.2 evaluated at their breakpoints.</summary>
public sealed class DicomVoiFunctionTests
{
    [Theory]
    [InlineData(-160.0, 0.0)]           // x <= c - 0.5 - (w-1)/2
    [InlineData(239.6, 255.0)]          // x > c - 0.5 + (w-1)/2
    [InlineData(40.0, 127.8195488721)]  // ((40 - 39.5) / 399 + 0.5) * 255
    public void Linear_follows_the_standard_formula(double x, double expected)
    {
        Assert.Equal(expected, DicomVoiFunction.Apply(DicomVoiLutFunction.Linear, new DicomWindow(40, 400), x), 6);
    }

    [Fact]
    public void Linear_with_width_one_is_a_step_at_center_minus_half()
    {
        var window = new DicomWindow(10, 1);

        Assert.Equal(0, DicomVoiFunction.Apply(DicomVoiLutFunction.Linear, window, 9.5));
        Assert.Equal(255, DicomVoiFunction.Apply(DicomVoiLutFunction.Linear, window, 9.51));
    }

    [Theory]
    [InlineData(-50.0, 0.0)]
    [InlineData(0.0, 127.5)]
    [InlineData(25.0, 191.25)]
    [InlineData(50.0, 255.0)]
    [InlineData(50.01, 255.0)]
    public void Linear_exact_follows_the_standard_formula(double x, double expected)
    {
        Assert.Equal(expected, DicomVoiFunction.Apply(DicomVoiLutFunction.LinearExact, new DicomWindow(0, 100), x), 6);
    }

    [Fact]
    public void Sigmoid_is_half_way_at_the_center_and_symmetric()
    {
        var window = new DicomWindow(100, 50);

        Assert.Equal(127.5, DicomVoiFunction.Apply(DicomVoiLutFunction.Sigmoid, window, 100), 6);
        Assert.Equal(255 / (1 + Math.Exp(-4 * 25.0 / 50)), DicomVoiFunction.Apply(DicomVoiLutFunction.Sigmoid, window, 125), 6);
        Assert.Equal(255, DicomVoiFunction.Apply(DicomVoiLutFunction.Sigmoid, window, 125) + DicomVoiFunction.Apply(DicomVoiLutFunction.Sigmoid, window, 75), 6);
    }
}
