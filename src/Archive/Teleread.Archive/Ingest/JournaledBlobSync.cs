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
internal sealed class JournaledBlobSync
{
    /// <summary>How long journaled commits gather, by default, before one sync makes their files durable.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    public TimeSpan Interval { get; set; } = DefaultInterval;

    private readonly IBlobStore _store;
    private readonly IngestIntentLog _intents;
    private readonly ConcurrentQueue<string> _committed = new();
    private readonly DelayedRun _sync;

    public JournaledBlobSync(IBlobStore store, IngestIntentLog intents)
    {
        (_store, _intents) = (store, intents);
        // A refused sync (storage full, failing) waits longer; its keys wait for the next round, their bytes in the index.
        _sync = new DelayedRun(() => Interval, () => Interval * 10, () => SyncAsync(CancellationToken.None), () => !_committed.IsEmpty);
    }

    /// <summary>Confirms the intent of <paramref name="blobKey"/> once the store has synced its deferred commit.</summary>
    public void ConfirmWhenSynced(string blobKey)
    {
        _committed.Enqueue(blobKey);
        _sync.Request();
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
            await _store.SyncDeferredAsync(ct).ConfigureAwait(false);
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
            _intents.Confirm(key);
        }
    }
}
