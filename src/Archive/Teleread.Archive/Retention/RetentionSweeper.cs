using Dapper;
using Teleread.Data;

namespace Teleread.Archive.Retention;

/// <summary>
/// Deletes studies whose last instance arrived before their clinic's retention cutoff, oldest first, at most
/// <c>batchSize</c> per sweep. A study an <see cref="IStudyRetentionHold"/> holds is skipped (and counted). Each
/// deletion is reported to <c>deleted</c> as soon as it happens, for the caller's audit trail.
/// </summary>
public sealed class RetentionSweeper(IDatabase db, StudyDeletionService deletion, IEnumerable<IStudyRetentionHold> holds)
{
    public async Task<RetentionSweepResult> SweepAsync(IReadOnlyList<RetentionCutoff> cutoffs, int batchSize,
        Func<RetentionDeletion, CancellationToken, Task> deleted, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var (count, held) = (0, 0);
        foreach (var cutoff in cutoffs)
        {
            var after = (At: long.MinValue, Study: "");
            while (count < batchSize)
            {
                var page = await CandidatesAsync(cutoff, after, batchSize, ct).ConfigureAwait(false);
                foreach (var (study, at) in page)
                {
                    after = (at, study);
                    if (count >= batchSize)
                    {
                        break;
                    }

                    if (await HeldAsync(cutoff.ClinicId, study, ct).ConfigureAwait(false))
                    {
                        held++;
                        continue;
                    }

                    var result = await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(cutoff.ClinicId), study, ct, cutoff.ReceivedBefore).ConfigureAwait(false);
                    if (result.Found)
                    {
                        count++;
                        await deleted(new RetentionDeletion(cutoff.ClinicId, study, UnixTime.FromDb(at), result), ct).ConfigureAwait(false);
                    }
                }

                if (page.Count < batchSize)
                {
                    break;
                }
            }
        }

        return new RetentionSweepResult(count, held, count >= batchSize);
    }

    private async Task<bool> HeldAsync(string clinicId, string studyUid, CancellationToken ct)
    {
        foreach (var hold in holds)
        {
            if (await hold.HoldReasonAsync(clinicId, studyUid, ct).ConfigureAwait(false) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The clinic's studies past the cutoff after <paramref name="after"/>, in (last received, UID) order.</summary>
    private Task<List<(string Study, long At)>> CandidatesAsync(RetentionCutoff cutoff, (long At, string Study) after, int limit, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QueryAsync<(string, long)>(new CommandDefinition(
            "SELECT study_uid, updated_at FROM archive_studies WHERE clinic_id = @Clinic AND updated_at < @Before " +
            "AND (updated_at > @AfterAt OR (updated_at = @AfterAt AND study_uid > @AfterStudy)) ORDER BY updated_at, study_uid LIMIT @Limit",
            new { Clinic = cutoff.ClinicId, Before = UnixTime.ToDb(cutoff.ReceivedBefore), AfterAt = after.At, AfterStudy = after.Study, Limit = limit },
            cancellationToken: ct)).ConfigureAwait(false)).ToList(), ct);
}
