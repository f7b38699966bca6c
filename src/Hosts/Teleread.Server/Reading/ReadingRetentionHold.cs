using Teleread.Archive.Retention;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Server.Reading;

/// <summary>Reading → archive: a study with a reading request not yet delivered, acknowledged or cancelled outlives its retention.</summary>
public sealed class ReadingRetentionHold(ReadingService reading) : IStudyRetentionHold
{
    private static readonly ReadingState[] Closed = [ReadingState.Delivered, ReadingState.Acknowledged, ReadingState.Cancelled];

    private static readonly ReadingState[] Open = [.. Enum.GetValues<ReadingState>().Except(Closed)];

    public async Task<string?> HoldReasonAsync(string clinicId, string studyUid, CancellationToken ct)
    {
        var open = await reading.Requests.ListAsync(new ReadingRequestFilter(ClinicId: clinicId, StudyReference: studyUid, States: Open, Limit: 1), ct).ConfigureAwait(false);
        return open.Count == 0 ? null : $"reading request {open[0].Id} is {open[0].State}";
    }
}
