namespace Teleread.Server.Demo;

/// <summary>Loads the demo's sample study files for a clinic through the normal ingest path; returns the studies stored.</summary>
public interface IDemoStudyImporter
{
    Task<IReadOnlyList<DemoStudy>> ImportAsync(string clinicId, IReadOnlyList<string> files, CancellationToken ct);
}
