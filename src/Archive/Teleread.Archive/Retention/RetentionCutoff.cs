namespace Teleread.Archive.Retention;

/// <summary>One clinic's rule for a sweep: its studies last received before <see cref="ReceivedBefore"/> have passed retention.</summary>
public sealed record RetentionCutoff(string ClinicId, DateTimeOffset ReceivedBefore);
