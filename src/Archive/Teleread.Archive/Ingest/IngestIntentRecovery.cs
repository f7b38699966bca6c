using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Ingest;

/// <summary>
/// Settles the intents a crash left (<see cref="IngestIntentLog"/>): instances indexed while their blob's commit ran, whose
/// acknowledgement may never have been sent. A blob with the recorded size and SHA-256 on some site keeps its instance
/// (the scrubber or the replicator restores the other sites); one found on no site withdraws the instance, which was never
/// acknowledged. A journaled intent (a small object whose bytes the index holds, its files committed without waiting for
/// the disk) restores every site missing the object or holding a torn copy from those bytes, and keeps the instance: it
/// may have been acknowledged. With a site unreachable the intent waits for the next round.
/// <para>
/// Several server processes share one PostgreSQL database, so an intent may be another process's commit still running:
/// its blob is on no site yet, and withdrawing it would remove an instance that process is about to acknowledge. Only
/// intents older than <see cref="LiveCommitBound"/> are settled, unless the caller knows no other process writes (one
/// process per SQLite file, before it accepts traffic: <c>minimumAge</c> zero); younger ones count as undecided and are
/// settled by a later round.
/// </para>
/// </summary>
public sealed class IngestIntentRecovery(ArchiveIndex index, IBlobStore store, TimeProvider clock)
{
    /// <summary>Longer than any blob commit runs (the bytes are already written; the commit is an fsync and rename, or an S3 multipart completion).</summary>
    public static readonly TimeSpan LiveCommitBound = TimeSpan.FromMinutes(2);

    /// <summary>Settles the intents older than <see cref="LiveCommitBound"/>.</summary>
    public Task<IngestIntentRecoveryResult> RecoverAsync(CancellationToken ct) => RecoverAsync(LiveCommitBound, ct);

    /// <summary>Settles the intents older than <paramref name="minimumAge"/> (zero: every intent, when no other process can be committing).</summary>
    public async Task<IngestIntentRecoveryResult> RecoverAsync(TimeSpan minimumAge, CancellationToken ct)
    {
        var (kept, withdrawn, undecided, restored) = (0, 0, 0, 0);
        var writtenBefore = clock.GetUtcNow() - minimumAge;
        foreach (var intent in await index.Intents.ListAsync(ct).ConfigureAwait(false))
        {
            if (minimumAge > TimeSpan.Zero && intent.CreatedAt > writtenBefore)
            {
                undecided++;
                continue;
            }

            if (intent.Expected is not { } expected)
            {
                // The instance was withdrawn or deleted since; its blob, if any, is referenced by nothing.
                await DeleteQuietlyAsync(intent.BlobKey, ct).ConfigureAwait(false);
                await index.Intents.ForgetAsync(intent.BlobKey, ct).ConfigureAwait(false);
                continue;
            }

            var states = new List<BlobCopyState>();
            foreach (var site in Sites)
            {
                states.Add(await BlobVerifier.CheckAsync(site, expected, ct).ConfigureAwait(false));
            }

            if (intent.Journaled && !states.Contains(BlobCopyState.Unavailable) && states.Any(s => s != BlobCopyState.Good)
                && await RestoreFromJournalAsync(intent.BlobKey, expected, states, ct).ConfigureAwait(false))
            {
                await index.Intents.ForgetAsync(intent.BlobKey, ct).ConfigureAwait(false);
                restored++;
            }
            else if (states.Contains(BlobCopyState.Good))
            {
                await index.Intents.ForgetAsync(intent.BlobKey, ct).ConfigureAwait(false);
                kept++;
            }
            else if (states.Contains(BlobCopyState.Unavailable))
            {
                undecided++;
            }
            else
            {
                await index.WithdrawAsync(intent.ClinicId, intent.SopInstanceUid, intent.BlobKey, ct).ConfigureAwait(false);
                await DeleteQuietlyAsync(intent.BlobKey, ct).ConfigureAwait(false);
                withdrawn++;
            }
        }

        return new IngestIntentRecoveryResult(kept, withdrawn, undecided, restored);
    }

    /// <summary>Writes the journaled bytes (when they are what the index recorded) durably to every site whose copy is not good.</summary>
    private async Task<bool> RestoreFromJournalAsync(string key, BlobExpectation expected, List<BlobCopyState> states, CancellationToken ct)
    {
        var journal = await index.Intents.JournalAsync(key, ct).ConfigureAwait(false);
        if (journal is null || journal.Length != expected.Length
            || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(journal)) != expected.Sha256)
        {
            return false;
        }

        for (var i = 0; i < Sites.Count; i++)
        {
            if (states[i] == BlobCopyState.Good)
            {
                continue;
            }

            var write = await Sites[i].BeginWriteAsync(key, ct).ConfigureAwait(false);
            await using (write.ConfigureAwait(false))
            {
                await write.WriteAsync(journal, ct).ConfigureAwait(false);
                await write.CommitAsync(ct).ConfigureAwait(false);
            }
        }

        return true;
    }

    private IReadOnlyList<IBlobStore> Sites => store is ReplicatedBlobStore replicated ? replicated.Sites : [store];

    private async Task DeleteQuietlyAsync(string key, CancellationToken ct)
    {
        try
        {
            await store.DeleteAsync(key, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unreferenced blob is harmless; the scrubber reports it.
        }
    }
}

/// <summary>What <see cref="IngestIntentRecovery"/> did: instances kept (blob found intact), withdrawn (blob on no site), left for later (a site unreachable), restored from their journaled bytes.</summary>
public sealed record IngestIntentRecoveryResult(int Kept, int Withdrawn, int Undecided, int Restored = 0);
