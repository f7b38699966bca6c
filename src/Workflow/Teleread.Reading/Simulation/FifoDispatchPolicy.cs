using Teleread.Reading.Domain;

namespace Teleread.Reading.Simulation;

/// <summary>The baseline: oldest waiting case first, to any idle qualified radiologist on shift; no deadlines, no fairness.</summary>
public sealed class FifoDispatchPolicy(string clinicId) : IDispatchPolicy
{
    public string Name => "fifo";

    public IReadOnlyList<(SimulatedCase Case, RadiologistState Radiologist)> Dispatch(
        IReadOnlyList<SimulatedCase> waitingInArrivalOrder, IReadOnlyList<RadiologistState> roster, DateTimeOffset now)
    {
        var idle = roster.Where(r => r.IsIdle && r.Radiologist.Profile.Shifts.IsOnShift(now)).OrderBy(r => r.BusyUntil).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var result = new List<(SimulatedCase, RadiologistState)>();
        foreach (var c in waitingInArrivalOrder)
        {
            if (idle.Count == 0)
            {
                break;
            }

            var asCase = new AssignableCase(c.Id, clinicId, c.Modality, c.Region, null, c.Priority, c.ArrivedAt, c.Deadline, c.BaseReadingMinutes);
            var who = idle.FirstOrDefault(r => Qualification.IsQualified(r.Radiologist.Profile, asCase));
            if (who is not null)
            {
                idle.Remove(who);
                result.Add((c, who));
            }
        }

        return result;
    }
}
