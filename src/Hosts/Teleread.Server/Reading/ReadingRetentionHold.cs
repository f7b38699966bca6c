using System.Data.Common;
using Teleread.Archive.Retention;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;

namespace Teleread.Server.Reading;

/// <summary>
/// Reading → archive: a study with a reading request not yet delivered, acknowledged or cancelled outlives its retention.
/// Decided in the deletion's transaction under the study's reading lock, with its requests locked FOR SHARE
/// (<see cref="Teleread.Reading.Persistence.ReadingRequestStore.StudyRequestsForDecisionAsync"/>): a request filed or reopened
/// meanwhile is seen, or waits for the deletion to commit. Lock order: archive study row, then the reading study lock, then requests.
/// </summary>
public sealed class ReadingRetentionHold(ReadingService reading) : IStudyRetentionHold
{
    private static readonly ReadingState[] Closed = [ReadingState.Delivered, ReadingState.Acknowledged, ReadingState.Cancelled];

    public async Task<string?> HoldReasonAsync(DbConnection c, DbTransaction t, string clinicId, string studyUid, CancellationToken ct)
    {
        foreach (var (id, state) in await reading.Requests.StudyRequestsForDecisionAsync(c, t, clinicId, studyUid, ct).ConfigureAwait(false))
        {
            if (!Closed.Contains(state))
            {
                return $"reading request {id} is {state}";
            }
        }

        return null;
    }
}
