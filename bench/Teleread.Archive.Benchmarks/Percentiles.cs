namespace Teleread.Archive.Benchmarks;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Line(string label, IReadOnlyList<double> samples) =>
        FormattableString.Invariant($"{label,-22} n={samples.Count,5}  p50={Of(samples, 50),7:F2} ms  p99={Of(samples, 99),7:F2} ms  max={samples.Max(),7:F2} ms");
}
