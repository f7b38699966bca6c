namespace Teleread.Reading.Domain;

/// <summary>How routine turnaround is counted: elapsed hours around the clock, or only business hours.</summary>
public enum RoutineClock
{
    WallClock,
    BusinessHours,
}
