using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Teleread.Reading.Simulation;

namespace Teleread.Cli.Commands;

/// <summary>`teleread simulate`: the reading workload simulator, assignment engine against a FIFO baseline.</summary>
public sealed class SimulateCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = JsonNumberHandling.Strict };

    public IReadOnlyList<string> Path => ["simulate"];

    public string Summary => "Replay a week of reading requests: assignment engine vs first-in-first-out";

    public string Usage => """
        Usage: teleread simulate [--days N] [--seed N] [--json]

        Replays a realistic stream of reading requests (arrivals by hour of day, modality and priority mix)
        against a radiologist roster with reading-time distributions, on a simulated clock, once through the
        assignment engine and once first-in-first-out, and prints on-time %, mean and p95 turnaround per
        priority and utilisation for each. The same seed always gives the same numbers.

          --days N   simulated days (1–60, default 7)
          --seed N   random seed (default 1)
          --json     print {"engine": {...}, "fifo": {...}} instead of a table
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var a = new CliArguments(args, ["json"]);
        if (a.Positionals.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{a.Positionals[0]}'");
        }

        var days = a.IntOption("days", 7);
        if (days is < 1 or > 60)
        {
            throw new CliUsageException("--days must be between 1 and 60");
        }

        var seedText = a.Option("seed") ?? "1";
        if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            throw new CliUsageException($"--seed expects a non-negative number, got '{seedText}'");
        }

        var report = WorkloadSimulator.Compare(StandardScenario.Create(days), seed);
        Console.WriteLine(a.Flag("json")
            ? JsonSerializer.Serialize(new { engine = report.Engine, fifo = report.Fifo }, Json)
            : SimulationTable.Render(report));
        return Task.FromResult(0);
    }
}
