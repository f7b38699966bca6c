namespace Teleread.Archive.Retention;

/// <summary>What one sweep did: studies deleted, studies past retention kept by a hold, and whether the batch limit stopped it.</summary>
public sealed record RetentionSweepResult(int Deleted, int Held, bool BatchFull);
