namespace Teleread.Reading.Domain;

/// <summary>The who/when/why of a command, plus the radiologist it names (assign, reassign, claim, second reading).</summary>
public sealed record CommandContext(Actor Actor, DateTimeOffset At, string Reason, string? RadiologistId = null);
