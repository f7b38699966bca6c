using System.Collections.Concurrent;
using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Ingest;

/// <summary>
/// Small objects ingest journals: their bytes were made durable in the index (with the intent) while their blobs were
/// committed without fsync (<see cref="IBlobWrite.CommitDeferredAsync"/>). <see cref="Interval"/> after a commit the store syncs
/// what was committed so far (one journal commit of the file system for all of them) and the intents are confirmed,
/// which deletes their rows and bytes. A sync that fails keeps the keys for the next round; the rows stay until then,
/// and a restart restores any lost copy from them (<see cref="IngestIntentRecovery"/>).
/// </summary>
internal sealed class JournaledBlobSync(IBlobStore store, IngestIntentLog intents)
{
    /// <summary>How long journaled commits gather, by default, before one sync makes their files durable.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    public TimeSpan Interval { get; set; } = DefaultInterval;

    private readonly ConcurrentQueue<string> _committed = new();
    private int _scheduled;

    /// <summary>Confirms the intent of <paramref name="blobKey"/> once the store has synced its deferred commit.</summary>
    public void ConfirmWhenSynced(string blobKey)
    {
        _committed.Enqueue(blobKey);
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = SyncLaterAsync();
        }
    }

    /// <summary>Syncs now and confirms every key committed before this call.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var keys = new List<string>();
        while (_committed.TryDequeue(out var key))
        {
            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            return;
        }

        try
        {
            await store.SyncDeferredAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            foreach (var key in keys)
            {
                _committed.Enqueue(key);
            }

            throw;
        }

        foreach (var key in keys)
        {
            intents.Confirm(key);
        }
    }

    private async Task SyncLaterAsync()
    {
        try
        {
            await Task.Delay(Interval).ConfigureAwait(false);
            Volatile.Write(ref _scheduled, 0);
            await SyncAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The storage refused the sync (full, failing): the keys wait for the next round; their bytes are in the index.
            await Task.Delay(Interval * 10).ConfigureAwait(false);
        }
        finally
        {
            if (!_committed.IsEmpty && Interlocked.Exchange(ref _scheduled, 1) == 0)
            {
                _ = SyncLaterAsync();
            }
        }
    }
}
