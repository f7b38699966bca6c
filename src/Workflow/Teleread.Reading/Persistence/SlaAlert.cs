using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

/// <summary>A deadline-at-risk alert for the operators' SLA board.</summary>
public sealed record SlaAlert(Guid Id, Guid RequestId, string ClinicId, DateTimeOffset At, EscalationStep Step, EscalationAction Action, string Message);
