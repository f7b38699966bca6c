using Teleread.Archive.SiteReplication;
using Teleread.Archive.Storage;
using Teleread.Archive.Tests.Storage;

namespace Teleread.Archive.Tests.SiteReplication;

/// <summary>Queued replication end to end (ingest → queue row → replicator), against SQLite and PostgreSQL.</summary>
[Collection(StorageCollection.Name)]
public sealed class SiteReplicatorTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_acknowledged_instance_is_on_the_primary_only_and_has_one_queue_row_for_the_other_site(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);

        var (stored, bytes) = await archive.StoreAsync("1.2.40.1", 1);

        var key = await archive.BlobKeyAsync(stored);
        Assert.Equal(bytes, await archive.Sites.EastFiles.ReadAllAsync(key));
        Assert.False(await archive.Sites.WestFiles.ExistsAsync(key));
        var status = await archive.StatusAsync();
        var row = Assert.Single(status.Oldest);
        Assert.Equal((1L, 0L, QueuedArchive.Start), (status.Depth, status.Failing, status.OldestQueuedAt));
        Assert.Equal((key, "west", QueuedArchive.Clinic, stored.SopInstanceUid, (long)bytes.Length, StorageTestHelpers.Sha256(bytes), 0, (string?)null),
            (row.BlobKey, row.Site, row.ClinicId, row.SopInstanceUid, row.Length, row.Sha256, row.Attempts, row.LastError));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_replicator_makes_byte_identical_copies_on_the_secondary_and_empties_the_queue(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        var stored = new List<(string Key, byte[] Bytes)>();
        for (var i = 1; i <= 5; i++)
        {
            var (result, bytes) = await archive.StoreAsync("1.2.41.1", i);
            stored.Add((await archive.BlobKeyAsync(result), bytes));
        }

        archive.Clock.Advance(TimeSpan.FromSeconds(3));
        var round = await archive.Replicator.RunOnceAsync(CancellationToken.None);

        Assert.Equal((5, 5, 0, 0, TimeSpan.FromSeconds(3)), (round.Claimed, round.Replicated, round.Failed, round.Discarded, round.LongestWait));
        foreach (var (key, bytes) in stored)
        {
            Assert.Equal(bytes, await archive.Sites.WestFiles.ReadAllAsync(key));
        }

        Assert.Equal(0, (await archive.StatusAsync()).Depth);
        var scrub = await new BlobScrubber(archive.Store.Sites).ScrubAsync(archive.Index.ExpectedBlobsAsync(CancellationToken.None), repair: false);
        Assert.Equal((5L, 5L, 0L), (scrub.Checked, scrub.Healthy, scrub.PendingReplication));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task With_the_secondary_down_the_row_stays_counts_attempts_and_backs_off_then_the_copy_is_made_when_it_returns(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        archive.Sites.West.Down = true;
        var (stored, bytes) = await archive.StoreAsync("1.2.42.1", 1); // ingest does not need the secondary
        var key = await archive.BlobKeyAsync(stored);

        var first = await archive.Replicator.RunOnceAsync(CancellationToken.None);
        var tooEarly = await archive.Replicator.RunOnceAsync(CancellationToken.None);
        archive.Clock.Advance(archive.Options.ReplicationRetryInitialDelay);
        var second = await archive.Replicator.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (first.Claimed, first.Replicated, first.Failed));
        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal(1, second.Failed);
        var status = await archive.StatusAsync();
        var row = Assert.Single(status.Oldest);
        Assert.Equal((1L, 1L, 2), (status.Depth, status.Failing, row.Attempts));
        Assert.Contains("down", row.LastError, StringComparison.Ordinal);
        Assert.Equal(archive.Clock.GetUtcNow() + 2 * archive.Options.ReplicationRetryInitialDelay, row.NextAttemptAt); // doubled
        Assert.Equal(archive.Options.ReplicationRetryInitialDelay, status.OldestAge(archive.Clock.GetUtcNow()));

        archive.Sites.West.Down = false;
        archive.Clock.Advance(2 * archive.Options.ReplicationRetryInitialDelay);
        var third = await archive.Replicator.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, third.Replicated);
        Assert.Equal(bytes, await archive.Sites.WestFiles.ReadAllAsync(key));
        Assert.Equal(0, (await archive.StatusAsync()).Depth);
    }

    [Fact]
    public void The_retry_delay_doubles_up_to_the_maximum()
    {
        var options = new StorageOptions { ReplicationRetryInitialDelay = TimeSpan.FromSeconds(5), ReplicationRetryMaximumDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [5, 10, 20, 40, 80, 160, 300, 300],
            Enumerable.Range(1, 7).Append(1000).Select(n => ReplicationRetrySchedule.DelayAfter(n, options).TotalSeconds));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_restart_mid_queue_still_replicates_everything_including_copies_a_dead_replicator_had_claimed(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider, batchSize: 2);
        var keys = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            keys.Add(await archive.BlobKeyAsync((await archive.StoreAsync("1.2.43.1", i)).Result));
        }

        Assert.Equal(2, (await archive.Replicator.RunOnceAsync(CancellationToken.None)).Replicated);
        var claimedByTheDead = await archive.Queue.ClaimDueAsync(2, SiteReplicator.ClaimLease, CancellationToken.None); // then the process dies

        await archive.RestartAsync();
        var afterRestart = await archive.ReplicateAllDueAsync();
        var stillLeased = (await archive.StatusAsync()).Depth;
        archive.Clock.Advance(SiteReplicator.ClaimLease);
        var afterLease = await archive.ReplicateAllDueAsync();

        Assert.Equal(2, claimedByTheDead.Count);
        Assert.Equal((3, 2L, 2), (afterRestart, stillLeased, afterLease));
        foreach (var key in keys)
        {
            Assert.Equal(await archive.Sites.EastFiles.ReadAllAsync(key), await archive.Sites.WestFiles.ReadAllAsync(key));
        }

        Assert.Equal(0, (await archive.StatusAsync()).Depth);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_study_with_pending_replication_leaves_no_copy_anywhere_and_no_row(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        var deletedKeys = new[]
        {
            await archive.BlobKeyAsync((await archive.StoreAsync("1.2.44.1", 1)).Result),
            await archive.BlobKeyAsync((await archive.StoreAsync("1.2.44.1", 2)).Result),
        };
        var keptKey = await archive.BlobKeyAsync((await archive.StoreAsync("1.2.44.2", 1)).Result);

        var deleted = await archive.Deletion.DeleteStudyAsync(ArchiveAccess.Clinic(QueuedArchive.Clinic), "1.2.44.1", CancellationToken.None);
        var left = await archive.StatusAsync();
        var made = await archive.ReplicateAllDueAsync();

        Assert.Equal((2, 0), (deleted.InstancesRemoved, deleted.BlobsNotDeleted.Count));
        Assert.Equal([keptKey], left.Oldest.Select(r => r.BlobKey));
        Assert.Equal(1, made);
        Assert.Equal([keptKey], await archive.Sites.EastFiles.ListKeysAsync(""));
        Assert.Equal([keptKey], await archive.Sites.WestFiles.ListKeysAsync(""));
        Assert.DoesNotContain(deletedKeys, k => File.Exists(Path.Combine(archive.Sites.WestFiles.RootDirectory, k)));
        Assert.Equal(0, (await archive.StatusAsync()).Depth);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_study_deleted_while_its_copy_is_being_made_does_not_come_back_on_the_secondary(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        var key = await archive.BlobKeyAsync((await archive.StoreAsync("1.2.45.1", 1)).Result);
        var deletedDuringCopy = 0;
        archive.Sites.West.BeforeCommit = async _ =>
        {
            // The deletion commits and removes the blob everywhere before the replicator's copy is committed.
            deletedDuringCopy += (await archive.Deletion.DeleteStudyAsync(ArchiveAccess.All, "1.2.45.1", CancellationToken.None)).InstancesRemoved;
        };

        var round = await archive.Replicator.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, deletedDuringCopy);
        Assert.Equal((1, 0, 1), (round.Claimed, round.Replicated, round.Discarded));
        Assert.False(File.Exists(Path.Combine(archive.Sites.WestFiles.RootDirectory, key)));
        Assert.False(File.Exists(Path.Combine(archive.Sites.EastFiles.RootDirectory, key)));
        Assert.Equal(0, (await archive.StatusAsync()).Depth);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reads_are_served_while_replication_is_pending_even_with_the_secondary_preferred_or_down(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider, preferredReadSite: "west");
        var (stored, bytes) = await archive.StoreAsync("1.2.46.1", 1);
        var instance = Assert.Single(await archive.Retrieve.ListInstancesAsync(ArchiveAccess.All, "1.2.46.1", null, null, CancellationToken.None));

        var verified = await ReadAsync(await archive.Retrieve.OpenAsync(instance, CancellationToken.None));
        var plain = await archive.Store.ReadAllAsync(instance.BlobKey);
        archive.Sites.West.Down = true;
        var withSecondaryDown = await ReadAsync(await archive.Retrieve.OpenAsync(instance, CancellationToken.None));

        Assert.Equal(stored.SopInstanceUid, instance.SopInstanceUid);
        Assert.Equal(bytes, verified);
        Assert.Equal(bytes, plain);
        Assert.Equal(bytes, withSecondaryDown);
        Assert.Equal(1, (await archive.StatusAsync()).Depth);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_scrubber_reports_a_queued_copy_as_pending_replication_not_missing_and_leaves_it_to_the_replicator(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        await archive.StoreAsync("1.2.47.1", 1);
        await archive.StoreAsync("1.2.47.1", 2);
        var scrubber = new BlobScrubber(archive.Store.Sites);

        var pending = await scrubber.ScrubAsync(archive.Index.ExpectedBlobsAsync(CancellationToken.None), repair: true);
        var westBefore = await archive.Sites.WestFiles.ListKeysAsync("");
        await archive.ReplicateAllDueAsync();
        var after = await scrubber.ScrubAsync(archive.Index.ExpectedBlobsAsync(CancellationToken.None), repair: true);

        Assert.Equal((2L, 0L, 2L, 0L, 0L, 0L), (pending.Checked, pending.Healthy, pending.PendingReplication, pending.Missing, pending.Repaired, pending.Unrecoverable));
        Assert.Empty(westBefore);
        Assert.Equal((2L, 2L, 0L, 0L), (after.Checked, after.Healthy, after.PendingReplication, after.Missing));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_corrupted_primary_copy_is_never_replicated_and_its_row_stays_with_the_error(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider);
        var key = await archive.BlobKeyAsync((await archive.StoreAsync("1.2.48.1", 1)).Result);
        TwoSites.FlipOneByte(archive.Sites.EastFiles, key, new FileInfo(Path.Combine(archive.Sites.EastFiles.RootDirectory, key)).Length - 1);

        var round = await archive.Replicator.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (round.Claimed, round.Replicated, round.Failed));
        Assert.False(await archive.Sites.WestFiles.ExistsAsync(key));
        var row = Assert.Single((await archive.StatusAsync()).Oldest);
        Assert.Contains("SHA-256", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Synchronous_mode_writes_both_sites_before_acknowledging_and_queues_nothing(string provider)
    {
        await using var archive = await QueuedArchive.CreateAsync(provider, mode: ReplicationMode.Synchronous);

        var (stored, bytes) = await archive.StoreAsync("1.2.49.1", 1);

        var key = await archive.BlobKeyAsync(stored);
        Assert.Equal(bytes, await archive.Sites.EastFiles.ReadAllAsync(key));
        Assert.Equal(bytes, await archive.Sites.WestFiles.ReadAllAsync(key));
        Assert.Equal(0, (await archive.StatusAsync()).Depth);
        Assert.Equal(0, (await archive.Replicator.RunOnceAsync(CancellationToken.None)).Claimed);
    }

    private static async Task<byte[]> ReadAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
