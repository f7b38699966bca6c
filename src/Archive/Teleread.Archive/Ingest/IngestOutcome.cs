namespace Teleread.Archive.Ingest;

public enum IngestOutcome
{
    /// <summary>Stored in both sites and indexed.</summary>
    Stored,

    /// <summary>The same instance (same bytes) was already stored: an idempotent re-send, nothing changed.</summary>
    Duplicate,

    /// <summary>Refused: the data is malformed or incomplete, or storage is unavailable.</summary>
    Rejected,

    /// <summary>Refused because it contradicts what is stored; the stored data is kept unchanged.</summary>
    Conflict,
}
