namespace Teleread.Archive.Tests.Storage;

/// <summary>Samples the live managed heap (after a full collection) and keeps the highest value above a baseline.</summary>
internal sealed class PeakMemory
{
    private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);
    private long _peak;

    public long GrowthBytes => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    public void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: true);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
    }

    /// <summary>Sampling every 8 MiB keeps the cost of full collections small.</summary>
    public Action<long> EveryEightMebibytes() => position =>
    {
        if ((position >> 20) % 8 == 0)
        {
            Sample();
        }
    };
}
