namespace Teleread.Reading.Domain;

/// <summary>A radiologist and their current load, as the engine sees them at one instant.</summary>
/// <param name="OpenCases">Cases assigned to them and not yet reported.</param>
/// <param name="AssignedInLastHour">Cases given to them in the hour before now (capacity per hour).</param>
/// <param name="MinutesAssignedToday">Expected reading minutes given to them today (fairness).</param>
/// <param name="BusyUntil">When they are expected to finish their open cases.</param>
public sealed record AssignmentCandidate(
    RadiologistProfile Profile,
    int OpenCases,
    int AssignedInLastHour,
    double MinutesAssignedToday,
    DateTimeOffset BusyUntil);
