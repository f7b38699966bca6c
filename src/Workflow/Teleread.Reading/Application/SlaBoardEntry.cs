using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>One open request on the operators' SLA board.</summary>
public sealed record SlaBoardEntry(Guid RequestId, string ClinicId, ReadingPriority Priority, ReadingState State, string? AssignedRadiologistId,
    DateTimeOffset Deadline, double MinutesLeft, bool AtRisk, bool Overdue);
