namespace Teleread.Reading.Simulation;

/// <summary>
/// SplitMix64: a small generator whose sequence is fixed by this code, not by the runtime's Random, so a seed
/// reproduces the same run on every .NET version and machine.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double NextStandardNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double NextLogNormal(double mean, double cv)
    {
        var sigma2 = Math.Log(1 + (cv * cv));
        var mu = Math.Log(mean) - (sigma2 / 2);
        return Math.Exp(mu + (Math.Sqrt(sigma2) * NextStandardNormal()));
    }

    /// <summary>Poisson by multiplying uniforms for small means, normal approximation above 500 (never reached per hour).</summary>
    public int NextPoisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 500)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * NextStandardNormal())));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }

    public T Pick<T>(IReadOnlyList<(T Item, double Weight)> weighted)
    {
        var total = weighted.Sum(w => w.Weight);
        var x = NextDouble() * total;
        foreach (var (item, weight) in weighted)
        {
            if (x < weight)
            {
                return item;
            }

            x -= weight;
        }

        return weighted[^1].Item;
    }
}
