namespace Teleread.Archive.Retention;

/// <summary>
/// Keeps a study past its clinic's retention period while something still needs it (an open reading request).
/// The reading workflow implements it; the archive knows nothing of reading.
/// </summary>
public interface IStudyRetentionHold
{
    /// <summary>The reason the study must be kept, or null when it may be deleted.</summary>
    Task<string?> HoldReasonAsync(string clinicId, string studyUid, CancellationToken ct);
}
