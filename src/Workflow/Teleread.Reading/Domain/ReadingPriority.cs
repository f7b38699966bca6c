namespace Teleread.Reading.Domain;

/// <summary>The clinic's requested turnaround for a reading request.</summary>
public enum ReadingPriority
{
    Urgent,
    SameDay,
    Routine,
}
