using Teleread.Archive.Index;
using Teleread.Archive.Ingest;

namespace Teleread.Server.Archive;

/// <summary>
/// On a clean stop, after the DICOM listener and the web server stopped taking instances: the small objects still only
/// journaled are synced on the storage sites and every confirmed intent row is deleted, so the next start has nothing to
/// settle. (After a crash the start-up recovery restores them from the journal instead.)
/// </summary>
public sealed partial class JournaledIngestFlush(IngestService ingest, ArchiveIndex index, ILogger<JournaledIngestFlush> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ingest.SyncJournaledAsync(cancellationToken).ConfigureAwait(false);
            await index.Intents.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(logger, e);
        }
    }

    // Server log range 1000–1999; ingest intent recovery uses 1920–1929.
    [LoggerMessage(1922, LogLevel.Warning, "Syncing journaled instances at shutdown failed; the next start restores them from the index")]
    private static partial void Failed(ILogger logger, Exception exception);
}
