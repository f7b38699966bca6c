using System.Collections.Concurrent;

namespace Teleread.Archive.Storage;

/// <summary>
/// Verifies every site's copy of the objects the index expects and rewrites a missing or corrupted copy
/// from a good one. The caller supplies the expectations (the index owns them) and may watch progress. A missing copy on a
/// site the expectation names as pending (queued replication) is counted as <see cref="BlobScrubReport.PendingReplication"/>
/// and left to the replicator. A repair races a deletion of the object's study (the deletion may remove every copy between the
/// scrubber reading a good one and writing it back), so with <c>stillExpected</c> the scrubber asks the index again after
/// repairing and removes the copies it put back when the object is no longer expected, as the replicator does.
/// </summary>
public sealed class BlobScrubber
{
    private readonly IReadOnlyList<IBlobStore> _sites;
    private readonly int _concurrency;

    public BlobScrubber(IReadOnlyList<IBlobStore> sites, int concurrency = 4)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentOutOfRangeException.ThrowIfZero(sites.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _sites = sites;
        _concurrency = concurrency;
    }

    /// <param name="repair">False for a dry run that only counts.</param>
    /// <param name="progress">Receives the running totals after each object.</param>
    /// <param name="stillExpected">
    /// Asked after an object's copies were repaired, in a statement that starts after the copies were committed: false (its
    /// instance was deleted meanwhile) → the repaired copies are removed again and not counted as repaired. A deletion
    /// committed after that statement removes the object on every site itself.
    /// </param>
    public async Task<BlobScrubReport> ScrubAsync(
        IAsyncEnumerable<BlobExpectation> expected,
        bool repair = true,
        IProgress<BlobScrubReport>? progress = null,
        CancellationToken cancellationToken = default,
        Func<BlobExpectation, CancellationToken, Task<bool>>? stillExpected = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var tally = new Tally();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(expected, options, async (item, ct) =>
        {
            await ScrubOneAsync(item, repair, stillExpected, tally, ct).ConfigureAwait(false);
            progress?.Report(tally.Snapshot());
        }).ConfigureAwait(false);
        return tally.Snapshot();
    }

    private async Task ScrubOneAsync(BlobExpectation expected, bool repair, Func<BlobExpectation, CancellationToken, Task<bool>>? stillExpected, Tally tally,
        CancellationToken cancellationToken)
    {
        var states = new BlobCopyState[_sites.Count];
        var pending = new bool[_sites.Count];
        for (var i = 0; i < _sites.Count; i++)
        {
            states[i] = await BlobVerifier.CheckAsync(_sites[i], expected, cancellationToken).ConfigureAwait(false);
            pending[i] = states[i] is BlobCopyState.Missing && expected.PendingSites.Contains(_sites[i].Name, StringComparer.OrdinalIgnoreCase);
            if (pending[i])
            {
                Interlocked.Increment(ref tally.PendingReplication);
            }
            else
            {
                tally.Count(states[i]);
            }
        }

        Interlocked.Increment(ref tally.Checked);
        var good = Array.IndexOf(states, BlobCopyState.Good);
        if (states.All(s => s is BlobCopyState.Good))
        {
            Interlocked.Increment(ref tally.Healthy);
            return;
        }

        if (good < 0)
        {
            // A copy still pending is no good copy either: with the primary's lost, the object is unrecoverable.
            if (states.Any(s => s is BlobCopyState.Missing or BlobCopyState.Corrupted))
            {
                tally.AddUnrecoverable(expected.Key);
            }

            return;
        }

        if (!repair)
        {
            return;
        }

        var repaired = new List<IBlobStore>();
        for (var i = 0; i < _sites.Count; i++)
        {
            if ((states[i] is BlobCopyState.Missing or BlobCopyState.Corrupted) && !pending[i])
            {
                if (await CopyAsync(_sites[good], _sites[i], expected, cancellationToken).ConfigureAwait(false))
                {
                    repaired.Add(_sites[i]);
                }
                else
                {
                    Interlocked.Increment(ref tally.RepairFailed);
                }
            }
        }

        if (repaired.Count > 0 && stillExpected is not null && !await stillExpected(expected, cancellationToken).ConfigureAwait(false))
        {
            foreach (var site in repaired)
            {
                await DeleteQuietlyAsync(site, expected.Key).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Add(ref tally.Repaired, repaired.Count);
    }

    private static async Task DeleteQuietlyAsync(IBlobStore site, string key)
    {
        try
        {
            await site.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (BlobVerifier.IsSiteFailure(e, CancellationToken.None))
        {
            // An orphan no instance references, like the blobs a deletion with a site down leaves (StudyDeletionResult.BlobsNotDeleted).
        }
    }

    private static async Task<bool> CopyAsync(IBlobStore from, IBlobStore to, BlobExpectation expected, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await from.OpenReadAsync(expected.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var write = await to.BeginWriteAsync(expected.Key, cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(write.AsStream(), cancellationToken).ConfigureAwait(false);
            if (write.BytesWritten != expected.Length)
            {
                // The good copy changed under us; committing would plant a bad copy.
                return false;
            }

            var commit = await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            return commit.Sha256 == expected.Sha256;
        }
        catch (Exception e) when (BlobVerifier.IsSiteFailure(e, cancellationToken))
        {
            return false;
        }
    }

    private sealed class Tally
    {
        public long Checked;
        public long Healthy;
        public long Missing;
        public long Corrupted;
        public long Repaired;
        public long Unrecoverable;
        public long Unavailable;
        public long RepairFailed;
        public long PendingReplication;
        private readonly ConcurrentQueue<string> _unrecoverableKeys = new();

        public void Count(BlobCopyState state)
        {
            switch (state)
            {
                case BlobCopyState.Missing:
                    Interlocked.Increment(ref Missing);
                    break;
                case BlobCopyState.Corrupted:
                    Interlocked.Increment(ref Corrupted);
                    break;
                case BlobCopyState.Unavailable:
                    Interlocked.Increment(ref Unavailable);
                    break;
            }
        }

        public void AddUnrecoverable(string key)
        {
            if (Interlocked.Increment(ref Unrecoverable) <= BlobScrubReport.MaxListedKeys)
            {
                _unrecoverableKeys.Enqueue(key);
            }
        }

        public BlobScrubReport Snapshot() => new(
            Interlocked.Read(ref Checked),
            Interlocked.Read(ref Healthy),
            Interlocked.Read(ref Missing),
            Interlocked.Read(ref Corrupted),
            Interlocked.Read(ref Repaired),
            Interlocked.Read(ref Unrecoverable),
            Interlocked.Read(ref Unavailable),
            Interlocked.Read(ref RepairFailed),
            Interlocked.Read(ref PendingReplication),
            [.. _unrecoverableKeys]);
    }
}
