using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>
/// Discrete-event simulation of a reading service: cases arrive, a dispatch policy hands them to idle radiologists
/// on shift, each read takes the case's reference time × the reader's speed factor. The clock jumps between
/// arrivals, completions and a five-minute tick (so shift starts and capacity windows are noticed).
/// </summary>
public static class WorkloadSimulator
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromDays(7);

    public static SimulationReport Compare(SimulationScenario scenario, ulong seed)
    {
        var cases = ArrivalGenerator.Generate(scenario, seed);
        var engine = Run(scenario, cases, new EngineDispatchPolicy(new AssignmentEngine(new AssignmentOptions()), scenario));
        var fifo = Run(scenario, cases, new FifoDispatchPolicy(scenario.ClinicId));
        return new SimulationReport(scenario.Name, scenario.Days, seed, cases.Count, scenario.Roster.Count, engine, fifo);
    }

    public static PolicyResult Run(SimulationScenario scenario, IReadOnlyList<SimulatedCase> cases, IDispatchPolicy policy)
    {
        var clock = new SimulatedClock(scenario.Start);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scenario.Sla.TimeZoneId);
        var windowEnd = scenario.Start.AddDays(scenario.Days);
        var hardStop = windowEnd + DrainLimit;
        var roster = scenario.Roster.Select(r => new RadiologistState(r)).ToList();
        var waiting = new List<SimulatedCase>();
        var finishedAt = new Dictionary<Guid, DateTimeOffset>();
        var completions = new PriorityQueue<RadiologistState, DateTimeOffset>();
        var nextArrival = 0;
        var nextTick = scenario.Start;

        while (finishedAt.Count < cases.Count)
        {
            var next = nextTick;
            if (nextArrival < cases.Count && cases[nextArrival].ArrivedAt < next)
            {
                next = cases[nextArrival].ArrivedAt;
            }

            if (completions.TryPeek(out _, out var completion) && completion < next)
            {
                next = completion;
            }

            if (next > hardStop)
            {
                break;
            }

            clock.AdvanceTo(next);
            var now = clock.GetUtcNow();
            while (completions.TryPeek(out var reader, out var at) && at <= now)
            {
                completions.Dequeue();
                finishedAt[reader.Current!.Id] = at;
                reader.Current = null;
            }

            while (nextArrival < cases.Count && cases[nextArrival].ArrivedAt <= now)
            {
                waiting.Add(cases[nextArrival++]);
            }

            while (nextTick <= now)
            {
                nextTick += Tick;
            }

            if (waiting.Count == 0 || !roster.Any(r => r.IsIdle && r.Radiologist.Profile.Shifts.IsOnShift(now)))
            {
                continue;
            }

            var started = new HashSet<Guid>();
            var today = DateOnly.FromDateTime(ZonedTime.ToLocal(now, zone));
            foreach (var (c, r) in policy.Dispatch(waiting, roster, now))
            {
                if (!r.IsIdle || !started.Add(c.Id))
                {
                    throw new InvalidOperationException($"Policy {policy.Name} gave case {c.Number} to busy {r.Id} or twice.");
                }

                var minutes = c.BaseReadingMinutes * r.Radiologist.SpeedFactor;
                r.Current = c;
                r.BusyUntil = now.AddMinutes(minutes);
                r.RecentAssignments.Enqueue(now);
                r.MinutesByDay[today] = r.MinutesByDay.GetValueOrDefault(today) + minutes;
                r.BusyIntervals.Add((now, r.BusyUntil));
                completions.Enqueue(r, r.BusyUntil);
            }

            waiting.RemoveAll(c => started.Contains(c.Id));
        }

        return Summarise(scenario, cases, finishedAt, roster, hardStop);
    }

    private static PolicyResult Summarise(SimulationScenario scenario, IReadOnlyList<SimulatedCase> cases, Dictionary<Guid, DateTimeOffset> finishedAt,
        List<RadiologistState> roster, DateTimeOffset hardStop)
    {
        PriorityStats For(ReadingPriority p) => PriorityStats.Of(cases.Where(c => c.Priority == p).Select(c =>
        {
            var done = finishedAt.TryGetValue(c.Id, out var f) ? f : hardStop;
            return ((done - c.ArrivedAt).TotalMinutes, finishedAt.ContainsKey(c.Id) && done <= c.Deadline);
        }).ToList());

        var from = scenario.Start;
        var to = scenario.Start.AddDays(scenario.Days);
        double busyTotal = 0, rosteredTotal = 0;
        var individual = new List<double>();
        foreach (var r in roster)
        {
            var rostered = ArrivalGenerator.ShiftMinutesWithin(r.Radiologist.Profile.Shifts, from, to);
            var busy = r.BusyIntervals.Sum(i => Math.Max(0, ((i.End < to ? i.End : to) - (i.Start > from ? i.Start : from)).TotalMinutes));
            busyTotal += busy;
            rosteredTotal += rostered;
            if (rostered > 0)
            {
                individual.Add(busy / rostered);
            }
        }

        return new PolicyResult(For(ReadingPriority.Urgent), For(ReadingPriority.SameDay), For(ReadingPriority.Routine),
            Math.Round(busyTotal / rosteredTotal, 3), Math.Round(individual.Min(), 3), Math.Round(individual.Max(), 3));
    }
}
