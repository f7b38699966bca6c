namespace Teleread.Reading.Domain;

public sealed record EscalationDecision(EscalationAction Action, string Why);
