namespace Teleread.Reading.Simulation;

public sealed record PriorityStats(int Cases, double OnTimePercent, double MeanMinutes, double P95Minutes)
{
    public static PriorityStats Of(IReadOnlyList<(double TurnaroundMinutes, bool OnTime)> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return new PriorityStats(0, 100, 0, 0);
        }

        var sorted = outcomes.Select(o => o.TurnaroundMinutes).Order().ToArray();
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        return new PriorityStats(outcomes.Count, Math.Round(100.0 * outcomes.Count(o => o.OnTime) / outcomes.Count, 2),
            Math.Round(sorted.Average(), 1), Math.Round(p95, 1));
    }
}
