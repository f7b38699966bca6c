using System.Data.Common;

namespace Teleread.Archive.Retention;

/// <summary>
/// Keeps a study past its clinic's retention period while something still needs it (an open reading request).
/// The reading workflow implements it; the archive knows nothing of reading.
/// </summary>
public interface IStudyRetentionHold
{
    /// <summary>
    /// The reason the study must be kept, or null when it may be deleted. Asked inside the deletion's transaction
    /// (<paramref name="c"/>, <paramref name="t"/>), after the archive locked the study row: an implementation locks what it
    /// decides from (rows <c>FOR SHARE</c>, and whatever its own writers take before creating a hold), so a hold placed
    /// concurrently is either seen or placed after the deletion committed. It must not lock archive rows.
    /// </summary>
    Task<string?> HoldReasonAsync(DbConnection c, DbTransaction t, string clinicId, string studyUid, CancellationToken ct);
}
