using Teleread.Archive.Ingest;
using Teleread.Reading.Application;

namespace Teleread.Server.Reading;

/// <summary>Archive → reading: each stored instance restarts its study's stability clock, or reopens a completed request visibly.</summary>
public sealed class ReadingStudyArrivals(ReadingService reading) : IInstanceStoredObserver
{
    public Task InstanceStoredAsync(IngestSource source, IngestResult result, CancellationToken ct) =>
        result.StudyInstanceUid is null ? Task.CompletedTask : reading.ImagesArrivedAsync(source.ClinicId, result.StudyInstanceUid, 1, ct);
}
