namespace Teleread.Reading.Domain;

/// <summary>Result of asking for the reading lock: who holds it now and until when.</summary>
public sealed record LockOutcome(bool Acquired, string? Holder, DateTimeOffset? ExpiresAt);
