using System.Diagnostics;
using Teleread.Dicom.Imaging;
using Xunit.Abstractions;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>
/// Timing of the WADO-RS rendered path on a 512×512 16-bit CT, run alone. The bounds only catch gross regressions:
/// Release on this 2-core machine measures ≈1 ms render + ≈5 ms PNG, Debug under load up to ≈170 ms.
/// </summary>
[Collection(RenderingPerformanceCollection.Name)]
public sealed class RenderingPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Renders_a_512_square_16_bit_ct_to_png_and_jpeg_within_budget()
    {
        var (description, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample("octave-dicom/CT-MONO2-16-ankle.dcm"));
        Assert.Equal((512, 512, 16), (description.Rows, description.Columns, description.BitsAllocated));

        double render = Median(() => DicomImageRenderer.Render(description, pixels, 0));
        var bitmap = DicomImageRenderer.Render(description, pixels, 0);
        double png = Median(() => PngEncoder.Encode(bitmap));
        double jpeg = Median(() => JpegEncoder.Encode(bitmap, 90));
        double thumbnail = Median(() => DicomImageRenderer.Render(description, pixels, 0, new DicomRenderOptions { ViewportWidth = 128, ViewportHeight = 128 }));

        output.WriteLine($"512×512 16-bit CT, median of 15 (ms): render {render:F2}, PNG {png:F2}, render+PNG {render + png:F2}, JPEG q90 {jpeg:F2}, 128px thumbnail {thumbnail:F2}");
        Assert.True(render + png < 150, $"render + PNG took {render + png:F1} ms");
        Assert.True(jpeg < 1500, $"JPEG took {jpeg:F1} ms");
    }

    private static double Median(Func<object> action)
    {
        action(); // warm-up (JIT)
        var times = new double[15];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            GC.KeepAlive(action());
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[times.Length / 2];
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenderingPerformanceCollection
{
    public const string Name = "Rendering performance";
}
