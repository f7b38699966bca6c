namespace Teleread.Identity;

/// <summary>One line of the audit trail: who did what to which resource, and how it ended.</summary>
public sealed record AuditEvent(
    DateTimeOffset At,
    string? ActorUserId,
    string? ActorClinicId,
    string Action,
    string Resource,
    string Outcome,
    string? RemoteAddress,
    string? Detail);
