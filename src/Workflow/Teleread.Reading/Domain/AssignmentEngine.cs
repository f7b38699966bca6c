namespace Teleread.Reading.Domain;

/// <summary>
/// Decides who reads what, as a pure function of the roster, the queue and the instant. Cases are taken earliest
/// deadline first; each goes to the qualified radiologist who is on shift, under their capacity, able to start
/// soonest, and — among equals — has been given the least work today, so load spreads fairly.
/// </summary>
public sealed class AssignmentEngine(AssignmentOptions options)
{
    public AssignmentOptions Options { get; } = options;

    public AssignmentPlan Plan(IReadOnlyList<AssignmentCandidate> candidates, IReadOnlyList<AssignableCase> cases, DateTimeOffset now)
    {
        var load = candidates.ToDictionary(c => c.Profile.Id, c => new Load(c.OpenCases, c.AssignedInLastHour, c.MinutesAssignedToday,
            c.BusyUntil > now ? c.BusyUntil : now), StringComparer.Ordinal);
        var shiftEnds = candidates.ToDictionary(c => c.Profile.Id, c => c.Profile.Shifts.ShiftEndAt(now), StringComparer.Ordinal);
        var assignments = new List<Assignment>();
        var unassigned = new List<UnassignedCase>();

        foreach (var c in cases.OrderBy(c => c.Deadline).ThenBy(c => c.ReceivedAt).ThenBy(c => c.RequestId))
        {
            if (!candidates.Any(r => HasRoom(r, load[r.Profile.Id])))
            {
                // Everyone is full: skip the per-case checks (the queue can be long in a busy hour).
                unassigned.Add(new UnassignedCase(c.RequestId, "every radiologist is at capacity"));
                continue;
            }

            var qualified = candidates.Where(r => Qualification.IsQualified(r.Profile, c)).ToList();
            if (qualified.Count == 0)
            {
                unassigned.Add(new UnassignedCase(c.RequestId, "no radiologist on the roster is qualified"));
                continue;
            }

            var onShift = qualified.Where(r => shiftEnds[r.Profile.Id] is not null).ToList();
            if (onShift.Count == 0)
            {
                unassigned.Add(new UnassignedCase(c.RequestId, "no qualified radiologist is on shift"));
                continue;
            }

            var readingTime = TimeSpan.FromMinutes(c.ExpectedReadingMinutes);
            var available = onShift.Where(r =>
            {
                var l = load[r.Profile.Id];
                var fitsShift = !Options.RequireShiftCoverage || c.Priority == ReadingPriority.Urgent ||
                    l.BusyUntil + readingTime <= shiftEnds[r.Profile.Id];
                return HasRoom(r, l) && fitsShift;
            }).ToList();
            if (available.Count == 0)
            {
                unassigned.Add(new UnassignedCase(c.RequestId, "every qualified radiologist on shift is at capacity"));
                continue;
            }

            var chosen = available
                .OrderBy(r => load[r.Profile.Id].BusyUntil)
                .ThenBy(r => load[r.Profile.Id].MinutesToday)
                .ThenBy(r => r.Profile.Id, StringComparer.Ordinal)
                .First();
            var chosenLoad = load[chosen.Profile.Id];
            var start = chosenLoad.BusyUntil;
            var finish = start + readingTime;
            assignments.Add(new Assignment(c.RequestId, chosen.Profile.Id, start, finish, finish <= c.Deadline));
            load[chosen.Profile.Id] = new Load(chosenLoad.Open + 1, chosenLoad.LastHour + 1, chosenLoad.MinutesToday + c.ExpectedReadingMinutes, finish);
        }

        return new AssignmentPlan(assignments, unassigned);
    }

    private bool HasRoom(AssignmentCandidate r, Load l) => l.Open < Options.MaxOpenCasesPerRadiologist && l.LastHour < r.Profile.CapacityPerHour;

    private sealed record Load(int Open, int LastHour, double MinutesToday, DateTimeOffset BusyUntil);
}
