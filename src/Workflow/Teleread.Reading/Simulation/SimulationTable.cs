using System.Globalization;
using System.Text;

namespace Teleread.Reading.Simulation;

/// <summary>The simulator's report as a Markdown table (printed by the CLI and kept in docs/reading-simulation.md).</summary>
public static class SimulationTable
{
    public static string Render(SimulationReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Scenario {r.Scenario}: {r.Days} days, seed {r.Seed}, {r.Cases} requests, {r.Radiologists} radiologists");
        sb.AppendLine();
        sb.AppendLine("| policy | priority | cases | on time % | mean min | p95 min |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, p) in new[] { ("engine", r.Engine), ("fifo", r.Fifo) })
        {
            foreach (var (priority, s) in new[] { ("urgent", p.Urgent), ("same-day", p.SameDay), ("routine", p.Routine) })
            {
                sb.AppendLine(c, $"| {name} | {priority} | {s.Cases} | {s.OnTimePercent:0.00} | {s.MeanMinutes:0.0} | {s.P95Minutes:0.0} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("| policy | utilisation | least / most utilised radiologist |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var (name, p) in new[] { ("engine", r.Engine), ("fifo", r.Fifo) })
        {
            sb.AppendLine(c, $"| {name} | {p.Utilisation * 100:0.0}% | {p.LeastUtilisedRadiologist * 100:0}% / {p.MostUtilisedRadiologist * 100:0}% |");
        }

        return sb.ToString().TrimEnd();
    }
}
