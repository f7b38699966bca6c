using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>
/// Draws the arrival stream of a scenario: Poisson counts per local hour shaped by hour-of-day and day-of-week
/// weights, scaled so the expected reading work is the scenario's target share of rostered time.
/// </summary>
public static class ArrivalGenerator
{
    public static IReadOnlyList<SimulatedCase> Generate(SimulationScenario s, ulong seed)
    {
        var random = new SeededRandom(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.Sla.TimeZoneId);
        var end = s.Start.AddDays(s.Days);
        var rosteredMinutes = RosteredMinutes(s.Roster, s.Start, end, out var rosterSpeed);
        var minutesPerCase = s.Modalities.Sum(m => m.Share * m.MeanReadingMinutes) / s.Modalities.Sum(m => m.Share) * rosterSpeed;
        var expectedCases = s.TargetUtilisation * rosteredMinutes / minutesPerCase;

        var firstDay = DateOnly.FromDateTime(ZonedTime.ToLocal(s.Start, zone));
        var hourSlots = new List<(DateTimeOffset Start, DateTimeOffset End, double Weight)>();
        for (var d = 0; d < s.Days; d++)
        {
            var day = firstDay.AddDays(d);
            for (var h = 0; h < 24; h++)
            {
                var from = ZonedTime.ToInstant(day.ToDateTime(new TimeOnly(h, 0)), zone);
                var to = h == 23 ? ZonedTime.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : ZonedTime.ToInstant(day.ToDateTime(new TimeOnly(h + 1, 0)), zone);
                hourSlots.Add((from, to, s.DayWeights[(int)day.DayOfWeek] * s.HourlyWeights[h]));
            }
        }

        var totalWeight = hourSlots.Sum(x => x.Weight);
        var arrivals = new List<DateTimeOffset>();
        foreach (var (from, to, weight) in hourSlots)
        {
            var count = random.NextPoisson(expectedCases * weight / totalWeight);
            for (var i = 0; i < count; i++)
            {
                arrivals.Add(from + ((to - from) * random.NextDouble()));
            }
        }

        arrivals.Sort();
        var modalityPick = s.Modalities.Select(m => (m, m.Share)).ToList();
        var cases = new List<SimulatedCase>(arrivals.Count);
        foreach (var at in arrivals)
        {
            var m = random.Pick(modalityPick);
            var region = random.Pick(m.Regions.Select(r => (r.Region, r.Share)).ToList());
            var p = random.NextDouble();
            var priority = m.RoutineOnly ? ReadingPriority.Routine
                : p < s.UrgentShare ? ReadingPriority.Urgent
                : p < s.UrgentShare + s.SameDayShare ? ReadingPriority.SameDay : ReadingPriority.Routine;
            var minutes = random.NextLogNormal(m.MeanReadingMinutes, m.ReadingTimeCv);
            var id = new Guid((int)cases.Count, 0, 0, BitConverter.GetBytes(random.NextUInt64()));
            cases.Add(new SimulatedCase(cases.Count + 1, id, at, m.Modality, region, priority, DeadlineCalculator.Compute(priority, at, s.Sla), minutes));
        }

        return cases;
    }

    /// <summary>Total shift minutes of the roster inside [from, to), and the speed factor weighted by those minutes.</summary>
    public static double RosteredMinutes(IReadOnlyList<SimulatedRadiologist> roster, DateTimeOffset from, DateTimeOffset to, out double weightedSpeed)
    {
        double total = 0, speedSum = 0;
        foreach (var r in roster)
        {
            var minutes = ShiftMinutesWithin(r.Profile.Shifts, from, to);
            total += minutes;
            speedSum += minutes * r.SpeedFactor;
        }

        weightedSpeed = total > 0 ? speedSum / total : 1;
        return total;
    }

    public static double ShiftMinutesWithin(ShiftSchedule shifts, DateTimeOffset from, DateTimeOffset to) =>
        shifts.Occurrences(from - TimeSpan.FromDays(1), to)
            .Sum(o => Math.Max(0, ((o.End < to ? o.End : to) - (o.Start > from ? o.Start : from)).TotalMinutes));
}
