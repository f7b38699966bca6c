using Teleread.Archive.Ingest;
using Teleread.Archive.Storage;
using Teleread.Archive.Tests.Storage;
using Teleread.Dicom;

namespace Teleread.Archive.Tests.Index;

/// <summary>Small objects on file-system sites: journaled in the index with their intent, files synced in batches, restored from the journal after a crash.</summary>
public abstract partial class ArchiveContract
{
    private static readonly IngestSource JournalSource = new(ClinicA, IngestOrigin.Dimse, "MODALITY");

    /// <summary>Two file-system sites; the background sync waits an hour unless <paramref name="interval"/> says otherwise, so a test decides when files are synced.</summary>
    private (IngestService Ingest, ReplicatedBlobStore Store) OnFileSites(TemporaryDirectory directory, TimeSpan? interval = null)
    {
        var store = new ReplicatedBlobStore([
            new FileSystemBlobStore(Path.Combine(directory.Path, "east"), "east"),
            new FileSystemBlobStore(Path.Combine(directory.Path, "west"), "west")]);
        return (new IngestService(store, _index, TimeProvider.System) { JournalSyncInterval = interval ?? TimeSpan.FromHours(1) }, store);
    }

    [Fact]
    public async Task A_small_instance_on_file_sites_is_readable_at_once_and_its_bytes_stay_in_the_index_until_its_files_are_synced()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, store) = OnFileSites(directory);
        var bytes = TestInstances.Make("1.2.60.1", "1.2.60.1.1", "1.2.60.1.1.1");

        var result = await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        var intent = Assert.Single(await _index.Intents.ListAsync(CancellationToken.None));
        Assert.True(intent.Journaled);
        Assert.Equal(bytes, await _index.Intents.JournalAsync(intent.BlobKey, CancellationToken.None));
        foreach (var site in store.Sites)
        {
            Assert.Equal(bytes, await ReadAllAsync(site, intent.BlobKey));
        }

        await ingest.SyncJournaledAsync(CancellationToken.None);
        await _index.Intents.FlushAsync(CancellationToken.None);

        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        Assert.Equal(bytes, await ReadAllAsync(store, intent.BlobKey));
    }

    [Fact]
    public async Task Journaled_instances_are_confirmed_by_the_background_sync_without_anyone_asking()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, _) = OnFileSites(directory, TimeSpan.FromMilliseconds(20));
        for (var i = 1; i <= 3; i++)
        {
            var stored = await ingest.IngestAsync(JournalSource, new MemoryStream(TestInstances.Make("1.2.61.1", "1.2.61.1.1", $"1.2.61.1.1.{i}")), CancellationToken.None);
            Assert.Equal(IngestOutcome.Stored, stored.Outcome);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_index.Intents.ConfirmedPending < 3 && (await _index.Intents.ListAsync(CancellationToken.None)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await _index.Intents.FlushAsync(CancellationToken.None);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_a_crash_a_journaled_instance_whose_files_were_lost_or_torn_is_restored_from_the_index_on_every_site()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, store) = OnFileSites(directory);
        var bytes = TestInstances.Make("1.2.62.1", "1.2.62.1.1", "1.2.62.1.1.1");
        Assert.Equal(IngestOutcome.Stored, (await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None)).Outcome);
        var key = Assert.Single(await _index.Intents.ListAsync(CancellationToken.None)).BlobKey;

        // The power went before the files reached the disk: one site lost the file, the other kept half of it.
        File.Delete(Path.Combine(directory.Path, "east", key));
        File.WriteAllBytes(Path.Combine(directory.Path, "west", key), bytes[..(bytes.Length / 2)]);
        var result = await new IngestIntentRecovery(_index, store, TimeProvider.System).RecoverAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new IngestIntentRecoveryResult(0, 0, 0, 1), result);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        foreach (var site in store.Sites)
        {
            Assert.Equal(bytes, await ReadAllAsync(site, key));
        }

        var kept = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.62.1", null, null, CancellationToken.None));
        Assert.Equal("1.2.62.1.1.1", kept.SopInstanceUid);
    }

    [Fact]
    public async Task After_a_crash_a_journaled_instance_whose_files_reached_the_disk_is_kept_as_it_is()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, store) = OnFileSites(directory);
        var bytes = TestInstances.Make("1.2.63.1", "1.2.63.1.1", "1.2.63.1.1.1");
        Assert.Equal(IngestOutcome.Stored, (await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None)).Outcome);

        var result = await new IngestIntentRecovery(_index, store, TimeProvider.System).RecoverAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new IngestIntentRecoveryResult(1, 0, 0, 0), result);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_large_instance_is_not_journaled_its_commit_is_durable_on_the_sites()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, store) = OnFileSites(directory);
        var bytes = TestInstances.Make("1.2.64.1", "1.2.64.1.1", "1.2.64.1.1.1", size: 256);
        Assert.True(bytes.Length > 64 * 1024);

        var result = await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        Assert.All(await _index.Intents.ListAsync(CancellationToken.None), intent => Assert.False(intent.Journaled));
        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.64.1", null, null, CancellationToken.None));
        Assert.Equal("1.2.64.1.1.1", instance.SopInstanceUid);
        Assert.Equal(2, store.Sites.Count);
    }

    [Fact]
    public async Task A_duplicate_of_a_journaled_instance_leaves_one_copy_and_the_sync_skips_the_removed_file()
    {
        using var directory = new TemporaryDirectory();
        var (ingest, store) = OnFileSites(directory);
        var bytes = TestInstances.Make("1.2.65.1", "1.2.65.1.1", "1.2.65.1.1.1");

        var first = await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None);
        var second = await ingest.IngestAsync(JournalSource, new MemoryStream(bytes), CancellationToken.None);
        await ingest.SyncJournaledAsync(CancellationToken.None);
        await _index.Intents.FlushAsync(CancellationToken.None);

        Assert.Equal(IngestOutcome.Stored, first.Outcome);
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        Assert.Equal(1, await store.Sites[0].ListAsync("").CountAsync());
        Assert.Equal(1, await store.Sites[1].ListAsync("").CountAsync());
    }

    private static async Task<byte[]> ReadAllAsync(IBlobStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
