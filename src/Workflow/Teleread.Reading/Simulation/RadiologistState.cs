namespace Teleread.Reading.Simulation;

/// <summary>A radiologist during a run: what they are reading until when, and what they were given recently.</summary>
public sealed class RadiologistState(SimulatedRadiologist radiologist)
{
    public SimulatedRadiologist Radiologist { get; } = radiologist;
    public string Id => Radiologist.Profile.Id;
    public SimulatedCase? Current { get; set; }
    public DateTimeOffset BusyUntil { get; set; } = DateTimeOffset.MinValue;
    public Queue<DateTimeOffset> RecentAssignments { get; } = new();
    public Dictionary<DateOnly, double> MinutesByDay { get; } = [];
    public List<(DateTimeOffset Start, DateTimeOffset End)> BusyIntervals { get; } = [];

    public bool IsIdle => Current is null;
}
