using BenchmarkDotNet.Attributes;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Benchmarks;

[MemoryDiagnoser]
public class HeaderReadingBenchmarks
{
    private string[] _ct = [];
    private string[] _small = [];

    [GlobalSetup]
    public void Setup() => (_ct, _small) = SyntheticStudies.Ensure(SyntheticStudies.DefaultRoot);

    /// <summary>All 300 CT slices, stopping before Pixel Data.</summary>
    [Benchmark]
    public int CtSeriesHeaders() => HeaderReader.ReadAll(_ct);

    /// <summary>All 2,000 small instances, stopping before Pixel Data.</summary>
    [Benchmark]
    public int SmallInstanceHeaders() => HeaderReader.ReadAll(_small);
}
