using Teleread.Archive.Ingest;
using Teleread.Reading.Application;

namespace Teleread.Server.Reading;

/// <summary>
/// Archive → reading: each stored instance restarts its study's stability clock, or reopens a completed request visibly;
/// a study with no request yet gets one opened from the instance's header (unless the clinic's contract says not to).
/// The demo's sample imports open nothing: <see cref="Demo.DemoReadingSeeder"/> files their requests.
/// </summary>
public sealed class ReadingStudyArrivals(ReadingService reading) : IInstanceStoredObserver
{
    public Task InstanceStoredAsync(IngestSource source, IngestResult result, CancellationToken ct)
    {
        if (result.StudyInstanceUid is null)
        {
            return Task.CompletedTask;
        }

        var study = source.Origin == IngestOrigin.Demo || result.Header is null ? null : StudyHeaderMapping.ToStudy(result.Header);
        return reading.ImagesArrivedAsync(new ImagesReceived(source.ClinicId, result.StudyInstanceUid, 1, study, StudyHeaderMapping.ChannelOf(source.Origin)), ct);
    }
}
