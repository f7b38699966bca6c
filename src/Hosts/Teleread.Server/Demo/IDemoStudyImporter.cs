namespace Teleread.Server.Demo;

/// <summary>Loads the demo's sample study files for a clinic through the normal ingest path.</summary>
public interface IDemoStudyImporter
{
    Task<int> ImportAsync(string clinicId, IReadOnlyList<string> files, CancellationToken ct);
}
