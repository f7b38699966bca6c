using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>Dispatch through the production <see cref="AssignmentEngine"/>; the engine only knows expected reading times.</summary>
public sealed class EngineDispatchPolicy(AssignmentEngine engine, SimulationScenario scenario) : IDispatchPolicy
{
    private readonly Dictionary<ImagingModality, double> _expectedMinutes = scenario.Modalities.ToDictionary(m => m.Modality, m => m.MeanReadingMinutes);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(scenario.Sla.TimeZoneId);

    public string Name => "engine";

    public IReadOnlyList<(SimulatedCase Case, RadiologistState Radiologist)> Dispatch(
        IReadOnlyList<SimulatedCase> waitingInArrivalOrder, IReadOnlyList<RadiologistState> roster, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(now, _zone));
        var candidates = roster.Select(r =>
        {
            while (r.RecentAssignments.TryPeek(out var t) && t <= now - TimeSpan.FromHours(1))
            {
                r.RecentAssignments.Dequeue();
            }

            return new AssignmentCandidate(r.Radiologist.Profile, r.IsIdle ? 0 : 1, r.RecentAssignments.Count,
                r.MinutesByDay.GetValueOrDefault(today), r.BusyUntil > now ? r.BusyUntil : now);
        }).ToList();
        var cases = waitingInArrivalOrder.Select(c => new AssignableCase(c.Id, scenario.ClinicId, c.Modality, c.Region, null, c.Priority,
            c.ArrivedAt, c.Deadline, _expectedMinutes[c.Modality])).ToList();

        var plan = engine.Plan(candidates, cases, now);
        var byId = waitingInArrivalOrder.ToDictionary(c => c.Id);
        var byRadiologist = roster.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return plan.Assignments.Select(a => (byId[a.RequestId], byRadiologist[a.RadiologistId])).ToList();
    }
}
