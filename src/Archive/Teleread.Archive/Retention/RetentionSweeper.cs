using System.Data.Common;
using Dapper;
using Teleread.Data;

namespace Teleread.Archive.Retention;

/// <summary>
/// Deletes studies whose last instance arrived before their clinic's retention cutoff, oldest first, at most
/// <c>batchSize</c> per sweep. A study an <see cref="IStudyRetentionHold"/> holds is skipped (and counted). Candidates are
/// listed outside any transaction; whether one goes is decided again inside its deletion's transaction, with the study row
/// locked first (as every deletion and ingest does), then the clinic's current period (<see cref="RetentionCutoff.Current"/>)
/// and the holds, so a period changed or a hold placed after the sweep started is respected. Each deletion is reported to
/// <c>deleted</c> as soon as it happens, for the caller's audit trail.
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

                    // Decided in the deleting transaction, after the study row is locked: the clinic's period as it stands
                    // now (a change waits for the deletion, or was committed before and is applied) and the holds.
                    var (applied, heldBy) = (cutoff.ReceivedBefore, (string?)null);
                    var result = await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(cutoff.ClinicId), study, ct, cutoff.ReceivedBefore,
                        async (c, t, lastReceived) =>
                        {
                            (applied, heldBy) = (cutoff.ReceivedBefore, null);
                            if (cutoff.Current is { } current)
                            {
                                if (await current(c, t, ct).ConfigureAwait(false) is not { } now || lastReceived >= now)
                                {
                                    return false;
                                }

                                applied = now;
                            }

                            heldBy = await HoldReasonAsync(c, t, cutoff.ClinicId, study, ct).ConfigureAwait(false);
                            return heldBy is null;
                        }).ConfigureAwait(false);
                    if (heldBy is not null)
                    {
                        held++;
                    }
                    else if (result.Found)
                    {
                        count++;
                        await deleted(new RetentionDeletion(cutoff.ClinicId, study, UnixTime.FromDb(at), applied, result), ct).ConfigureAwait(false);
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

    private async Task<string?> HoldReasonAsync(DbConnection c, DbTransaction t, string clinicId, string studyUid, CancellationToken ct)
    {
        foreach (var hold in holds)
        {
            if (await hold.HoldReasonAsync(c, t, clinicId, studyUid, ct).ConfigureAwait(false) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The clinic's studies past the cutoff after <paramref name="after"/>, in (last received, UID) order.</summary>
    private Task<List<(string Study, long At)>> CandidatesAsync(RetentionCutoff cutoff, (long At, string Study) after, int limit, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QueryAsync<(string, long)>(new CommandDefinition(
            "SELECT study_uid, updated_at FROM archive_studies WHERE clinic_id = @Clinic AND updated_at < @Before " +
            "AND (updated_at > @AfterAt OR (updated_at = @AfterAt AND study_uid > @AfterStudy)) ORDER BY updated_at, study_uid LIMIT @Limit",
            new { Clinic = cutoff.ClinicId, Before = UnixTime.ToDb(cutoff.ReceivedBefore), AfterAt = after.At, AfterStudy = after.Study, Limit = limit },
            cancellationToken: ct)).ConfigureAwait(false)).ToList(), ct);
}
