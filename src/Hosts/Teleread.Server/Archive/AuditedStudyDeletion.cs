using Teleread.Archive;
using Teleread.Identity;

namespace Teleread.Server.Archive;

/// <summary>
/// Every study deletion — by an operator or by the retention sweep — goes through here and leaves one audit event:
/// who, the study (resource <c>clinics/{clinic}/studies/{uid}</c>), what was removed and why. The event carries the
/// study's clinic, so the clinic sees deletions of its own studies in its audit trail.
/// </summary>
public sealed class AuditedStudyDeletion(StudyDeletionService deletion, AuditLog audit, TimeProvider clock)
{
    public const string Action = "DELETE-STUDY";

    /// <summary>Deletes the study of <paramref name="clinicId"/> and audits it; a study not found there is left alone and not audited here.</summary>
    public async Task<StudyDeletionResult> DeleteAsync(string actorUserId, string clinicId, string studyUid, string reason, CancellationToken ct)
    {
        var result = await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(clinicId), studyUid, ct).ConfigureAwait(false);
        if (result.Found)
        {
            await RecordAsync(actorUserId, clinicId, studyUid, reason, result, ct).ConfigureAwait(false);
        }

        return result;
    }

    public Task RecordAsync(string actorUserId, string clinicId, string studyUid, string reason, StudyDeletionResult result, CancellationToken ct) =>
        audit.WriteAsync(new AuditEvent(clock.GetUtcNow(), actorUserId, clinicId, Action, $"clinics/{clinicId}/studies/{studyUid}",
            result.BlobsNotDeleted.Count == 0 ? $"deleted {result.InstancesRemoved} instance(s)" : $"deleted {result.InstancesRemoved} instance(s); {result.BlobsNotDeleted.Count} blob(s) left on a site",
            null, reason), ct);
}
