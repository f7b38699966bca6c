namespace Teleread.Reading.Domain;

public sealed record AssignmentPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<UnassignedCase> Unassigned);
