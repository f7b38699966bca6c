using Teleread.Archive.Ingest;
using Teleread.Server.Demo;

namespace Teleread.Server.Archive;

/// <summary>Loads the demo's sample files through the normal ingest path, as the clinic's own uploads.</summary>
public sealed class DemoStudyImporter(IngestService ingest) : IDemoStudyImporter
{
    public async Task<int> ImportAsync(string clinicId, IReadOnlyList<string> files, CancellationToken ct)
    {
        var stored = 0;
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var result = await ingest.IngestAsync(new IngestSource(clinicId, IngestOrigin.Demo), stream, ct).ConfigureAwait(false);
            stored += result.Succeeded ? 1 : 0;
        }

        return stored;
    }
}
