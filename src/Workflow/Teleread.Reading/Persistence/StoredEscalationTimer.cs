using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

/// <summary>An escalation timer row: what is due when, and whether it has been handled.</summary>
public sealed record StoredEscalationTimer(Guid Id, Guid RequestId, EscalationStep Step, DateTimeOffset DueAt);
