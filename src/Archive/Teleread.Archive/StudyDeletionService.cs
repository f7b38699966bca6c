using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive;

/// <summary>
/// Deletes a study: index rows first (in one transaction), then its blobs on every site. A blob that cannot be deleted
/// (a site down) is reported, not thrown: the index no longer references it, so it is an orphan to clean up later.
/// Authorisation and audit are the caller's.
/// </summary>
public sealed class StudyDeletionService(IBlobStore store, ArchiveIndex index)
{
    /// <summary>
    /// Deletes the study if <paramref name="access"/> reaches it (and, when given, if it received nothing since <paramref name="lastReceivedBefore"/>
    /// and <paramref name="mayRemove"/> agrees inside the deleting transaction: <see cref="ArchiveIndex.RemoveStudyAsync"/>).
    /// </summary>
    public async Task<StudyDeletionResult> DeleteStudyAsync(ArchiveAccess access, string studyUid, CancellationToken ct, DateTimeOffset? lastReceivedBefore = null,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, DateTimeOffset, Task<bool>>? mayRemove = null)
    {
        var removed = await index.RemoveStudyAsync(access, studyUid, ct, lastReceivedBefore, mayRemove).ConfigureAwait(false);
        var left = new List<string>();
        foreach (var instance in removed)
        {
            try
            {
                await store.DeleteAsync(instance.BlobKey, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                left.Add(instance.BlobKey);
            }
        }

        return new StudyDeletionResult(removed.Count, left);
    }
}
