using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Retention;
using Teleread.Archive.Storage;
using Teleread.Archive.Tests.Storage;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

/// <summary>Deletion, retention and the scrubber's expectations, on both databases.</summary>
public abstract partial class ArchiveContract
{
    [Fact]
    public async Task Expected_blobs_stream_in_pages_and_name_every_instance_once()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Ingest(TestInstances.Make($"1.2.20.{i}", $"1.2.20.{i}.1", $"1.2.20.{i}.1.1"), i % 2 == 0 ? ClinicB : ClinicA);
        }

        var keys = await _index.ExpectedBlobsAsync(CancellationToken.None, pageSize: 2).Select(e => e.Key).ToListAsync();
        var listed = await _store.Sites[0].ListAsync("").Select(b => b.Key).ToListAsync();

        Assert.Equal(5, keys.Count);
        Assert.Equal(listed.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var report = await new BlobScrubber(_store.Sites).ScrubAsync(_index.ExpectedBlobsAsync(CancellationToken.None, pageSize: 2), repair: false);
        Assert.Equal(5L, report.Healthy);
    }

    [Fact]
    public async Task Deleting_a_study_removes_its_rows_and_its_blobs_on_both_sites_and_only_within_the_access_given()
    {
        await Ingest(TestInstances.Make("1.2.21.1", "1.2.21.1.1", "1.2.21.1.1.1"));
        await Ingest(TestInstances.Make("1.2.21.1", "1.2.21.1.1", "1.2.21.1.1.2"));
        await Ingest(TestInstances.Make("1.2.21.2", "1.2.21.2.1", "1.2.21.2.1.1"));
        var deletion = new StudyDeletionService(_store, _index);

        var wrongClinic = await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(ClinicB), "1.2.21.1", CancellationToken.None);
        var deleted = await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(ClinicA), "1.2.21.1", CancellationToken.None);

        Assert.False(wrongClinic.Found);
        Assert.Equal(2, deleted.InstancesRemoved);
        Assert.Empty(deleted.BlobsNotDeleted);
        Assert.Empty(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.21.1")));
        Assert.Empty(await Query(ArchiveAccess.All, QueryLevelImage, false, (DicomTags.StudyInstanceUID, "1.2.21.1")));
        foreach (var site in _store.Sites)
        {
            Assert.Equal(1, await site.ListAsync("").CountAsync());
        }
    }

    [Fact]
    public async Task The_retention_sweep_deletes_studies_last_received_before_the_cutoff_oldest_first_in_batches_and_spares_held_ones()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var index = new ArchiveIndex(Db, clock);
        var ingest = new IngestService(_store, index, clock);
        Task Store(string study, string clinic, int n = 1) =>
            ingest.IngestAsync(new IngestSource(clinic, IngestOrigin.Stow), new MemoryStream(TestInstances.Make(study, study + ".1", study + ".1." + n)), CancellationToken.None);
        await Store("1.2.22.1", ClinicA);
        clock.Advance(TimeSpan.FromDays(1));
        await Store("1.2.22.2", ClinicA);
        await Store("1.2.22.3", ClinicA);
        await Store("1.2.22.4", ClinicB);
        clock.Advance(TimeSpan.FromDays(1));
        await Store("1.2.22.1", ClinicA, 2); // a late instance: study 1 was last received now
        var hold = new Hold("1.2.22.3");
        var sweeper = new RetentionSweeper(Db, new StudyDeletionService(_store, index), [hold]);
        var deleted = new List<string>();
        Task Record(RetentionDeletion d, CancellationToken _)
        {
            deleted.Add(d.StudyUid);
            return Task.CompletedTask;
        }

        var cutoff = clock.GetUtcNow(); // studies 2, 3 (clinic A) and 4 (clinic B) are older; study 1 is not
        var first = await sweeper.SweepAsync([new RetentionCutoff(ClinicA, cutoff)], 1, Record, CancellationToken.None);
        var second = await sweeper.SweepAsync([new RetentionCutoff(ClinicA, cutoff)], 1, Record, CancellationToken.None);
        hold.Released = true;
        var third = await sweeper.SweepAsync([new RetentionCutoff(ClinicA, cutoff)], 10, Record, CancellationToken.None);

        Assert.Equal(new RetentionSweepResult(1, 0, true), first);
        Assert.Equal(new RetentionSweepResult(0, 1, false), second);
        Assert.Equal(new RetentionSweepResult(1, 0, false), third);
        Assert.Equal(["1.2.22.2", "1.2.22.3"], deleted);
        Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA)));
        Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicB)));
        Assert.Equal(3, await BlobCount());
    }

    [Fact]
    public async Task A_study_that_received_an_instance_after_the_cutoff_is_not_removed_for_retention()
    {
        await Ingest(TestInstances.Make("1.2.23.1", "1.2.23.1.1", "1.2.23.1.1.1"));

        var removed = await _index.RemoveStudyAsync(ArchiveAccess.Clinic(ClinicA), "1.2.23.1", CancellationToken.None, DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Empty(removed);
        Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.23.1")));
    }

    [Fact]
    public async Task A_scrubber_repair_racing_the_deletion_of_its_study_leaves_no_copy_behind()
    {
        var stored = await Ingest(TestInstances.Make("1.2.24.1", "1.2.24.1.1", "1.2.24.1.1.1"));
        var key = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.24.1", null, null, CancellationToken.None)).BlobKey;
        await _store.Sites[1].DeleteAsync(key); // west lost its copy: the scrubber repairs it from east
        var deletion = new StudyDeletionService(_store, _index);
        var west = new FaultyBlobStore(_store.Sites[1])
        {
            // The study is deleted (every site's copy with it) after the scrubber read east's copy, before west's repair commits.
            BeforeCommit = async _ => Assert.True((await deletion.DeleteStudyAsync(ArchiveAccess.Clinic(ClinicA), stored.StudyInstanceUid!, CancellationToken.None)).Found),
        };

        var report = await new BlobScrubber([_store.Sites[0], west]).ScrubAsync(_index.ExpectedBlobsAsync(CancellationToken.None), stillExpected: _index.StillExpectsAsync);

        foreach (var site in _store.Sites)
        {
            Assert.False(await site.ExistsAsync(key), $"{site.Name} still holds the deleted instance's blob");
        }

        Assert.Equal(1L, report.Missing);
        Assert.Equal(0L, report.Repaired);
    }

    private const Teleread.Archive.Query.QueryLevel QueryLevelImage = Teleread.Archive.Query.QueryLevel.Image;

    private sealed class Hold(string studyUid) : IStudyRetentionHold
    {
        public bool Released { get; set; }

        public Task<string?> HoldReasonAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string clinicId, string study, CancellationToken ct) =>
            Task.FromResult(!Released && study == studyUid ? "open reading request" : null);
    }
}
