using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Ingest;

/// <summary>
/// Settles the intents a crash left (<see cref="IngestIntentLog"/>): instances indexed while their blob's commit ran, whose
/// acknowledgement may never have been sent. A blob with the recorded size and SHA-256 on some site keeps its instance
/// (the scrubber or the replicator restores the other sites); one found on no site withdraws the instance, which was never
/// acknowledged. With a site unreachable the intent waits for the next start. Run before the archive accepts traffic.
/// </summary>
public sealed class IngestIntentRecovery(ArchiveIndex index, IBlobStore store)
{
    public async Task<IngestIntentRecoveryResult> RecoverAsync(CancellationToken ct)
    {
        var (kept, withdrawn, undecided) = (0, 0, 0);
        foreach (var intent in await index.Intents.ListAsync(ct).ConfigureAwait(false))
        {
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

            if (states.Contains(BlobCopyState.Good))
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

        return new IngestIntentRecoveryResult(kept, withdrawn, undecided);
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

/// <summary>What <see cref="IngestIntentRecovery"/> did: instances kept (blob found intact), withdrawn (blob on no site), left for later (a site unreachable).</summary>
public sealed record IngestIntentRecoveryResult(int Kept, int Withdrawn, int Undecided);
