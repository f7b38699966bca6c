namespace Teleread.Reading.Domain;

/// <summary>A step of the ladder due at an instant for one request; stored so it survives a restart.</summary>
public sealed record EscalationTimer(Guid RequestId, EscalationStep Step, DateTimeOffset DueAt);
