using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive;

/// <summary>Deletes a study: index rows first (in one transaction), then its blobs on every site. Authorisation and audit are the caller's.</summary>
public sealed class StudyDeletionService(IBlobStore store, ArchiveIndex index)
{
    public async Task<int> DeleteStudyAsync(ArchiveAccess access, string studyUid, CancellationToken ct)
    {
        var removed = await index.RemoveStudyAsync(access, studyUid, ct).ConfigureAwait(false);
        foreach (var instance in removed)
        {
            await store.DeleteAsync(instance.BlobKey, ct).ConfigureAwait(false);
        }

        return removed.Count;
    }
}
