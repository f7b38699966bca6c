namespace Teleread.Archive.Ingest;

/// <summary>Told after an instance is stored and indexed (not for duplicates or refusals), e.g. to restart a study's stability clock.</summary>
public interface IInstanceStoredObserver
{
    Task InstanceStoredAsync(IngestSource source, IngestResult result, CancellationToken ct);
}
