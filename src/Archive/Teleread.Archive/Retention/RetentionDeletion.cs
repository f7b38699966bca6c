namespace Teleread.Archive.Retention;

/// <summary>A study the retention sweep deleted: when it was last received, the cutoff its deletion applied and what the deletion removed.</summary>
public sealed record RetentionDeletion(string ClinicId, string StudyUid, DateTimeOffset LastReceived, DateTimeOffset Cutoff, StudyDeletionResult Result);
