using System.Collections.Concurrent;
using Teleread.Archive.Storage;

namespace Teleread.Archive.SiteReplication;

/// <summary>
/// Makes the copies the replication queue asks for. One round claims up to <see cref="StorageOptions.ReplicationBatchSize"/>
/// due copies and makes up to <see cref="StorageOptions.ReplicationConcurrency"/> at once: each is read from a site holding
/// a good copy (the primary first), hashed while it streams into a two-phase write on the missing site, and committed
/// only if length and SHA-256 match what the index recorded — a corrupted source never plants a bad copy. Made copies
/// leave the queue; a copy whose instance was deleted meanwhile is removed again; a failure (a site down, no good copy)
/// keeps the row, counts the attempt and its error and retries after a bounded exponential backoff. The queue is in the
/// database, so a restart resumes where it stopped. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class SiteReplicator(ReplicatedBlobStore store, ReplicationQueue queue, StorageOptions options, TimeProvider clock)
{
    /// <summary>How long a claimed copy is held by one attempt; a replicator that dies holding it leaves it due again after this.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>One round over at most one batch of due copies.</summary>
    public async Task<ReplicationRound> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await queue.ClaimDueAsync(options.ReplicationBatchSize, ClaimLease, ct).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return ReplicationRound.Empty;
        }

        var copied = new ConcurrentQueue<ReplicationQueueItem>();
        var failed = new ConcurrentQueue<(ReplicationQueueItem, string)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ReplicationConcurrency, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(claimed, parallel, async (item, token) =>
            {
                var error = await CopyAsync(item, token).ConfigureAwait(false);
                if (error is null)
                {
                    copied.Enqueue(item);
                }
                else
                {
                    failed.Enqueue((item, error));
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: what was copied is recorded below; the rest is made due again at once rather than after the lease.
            var attempted = copied.Select(c => (c.BlobKey, c.Site)).Concat(failed.Select(f => (f.Item1.BlobKey, f.Item1.Site))).ToHashSet();
            await queue.ReleaseAsync([.. claimed.Where(c => !attempted.Contains((c.BlobKey, c.Site)))], CancellationToken.None).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        var done = copied.ToList();
        var gone = await queue.CompleteAsync(done, CancellationToken.None).ConfigureAwait(false);
        foreach (var item in gone)
        {
            await DeleteQuietlyAsync(item).ConfigureAwait(false);
        }

        var failures = failed.Select(f => (f.Item1, f.Item2, now + ReplicationRetrySchedule.DelayAfter(f.Item1.Attempts + 1, options))).ToList();
        await queue.RecordFailuresAsync(failures, CancellationToken.None).ConfigureAwait(false);
        var longestWait = done.Except(gone).Select(i => now - i.CreatedAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        return new ReplicationRound(claimed.Count, done.Count - gone.Count, failures.Count, gone.Count, longestWait);
    }

    /// <summary>Copies one object to its missing site; null when done, otherwise why not.</summary>
    private async Task<string?> CopyAsync(ReplicationQueueItem item, CancellationToken ct)
    {
        if (store.FindSite(item.Site) is not { } target)
        {
            return $"site '{item.Site}' is not configured";
        }

        var expected = item.ToExpectation();
        var errors = new List<string>();
        foreach (var source in new[] { store.Primary }.Concat(store.Sites).Distinct().Where(s => !ReferenceEquals(s, target)))
        {
            try
            {
                await using var read = await source.OpenReadAsync(item.BlobKey, cancellationToken: ct).ConfigureAwait(false);
                await using var verified = new VerifyingReadStream(read, source.Name, expected);
                await using var write = await target.BeginWriteAsync(item.BlobKey, ct).ConfigureAwait(false);
                // A source copy of another length or hash throws before the commit, so nothing is planted on the target.
                await verified.CopyToAsync(write.AsStream(), ct).ConfigureAwait(false);
                var commit = await write.CommitAsync(ct).ConfigureAwait(false);
                if (commit.Length == expected.Length && commit.Sha256 == expected.Sha256)
                {
                    return null;
                }

                errors.Add($"{target.Name} stored {commit.Length} bytes with SHA-256 {commit.Sha256} from {source.Name}");
                await DeleteQuietlyAsync(item).ConfigureAwait(false);
            }
            catch (Exception e) when (BlobVerifier.IsSiteFailure(e, ct))
            {
                errors.Add($"from {source.Name}: {e.Message}");
            }
        }

        return errors.Count == 0 ? "no other site to copy from" : string.Join("; ", errors);
    }

    private async Task DeleteQuietlyAsync(ReplicationQueueItem item)
    {
        try
        {
            if (store.FindSite(item.Site) is { } site)
            {
                await site.DeleteAsync(item.BlobKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (BlobVerifier.IsSiteFailure(e, CancellationToken.None))
        {
            // An orphan no instance references, like the blobs a deletion with a site down leaves (StudyDeletionResult.BlobsNotDeleted).
        }
    }
}
