using Teleread.Archive;
using Teleread.Reading.Application;

namespace Teleread.Server.Reading;

/// <summary>Reading → archive: a radiologist may open exactly the studies on their worklist.</summary>
public sealed class ReadingAssignmentFilter(ReadingService reading) : IStudyAssignmentFilter
{
    public async Task<IReadOnlyList<(string ClinicId, string StudyUid)>> AssignedStudiesAsync(string radiologistUserId, CancellationToken ct) =>
        (await reading.WorklistAsync(radiologistUserId, ct).ConfigureAwait(false)).Select(r => (r.ClinicId, r.StudyReference)).ToList();
}
