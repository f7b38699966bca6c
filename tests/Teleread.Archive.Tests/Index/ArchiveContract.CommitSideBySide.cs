using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Storage;
using Teleread.Archive.Tests.Storage;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

/// <summary>Indexing side by side with the blob's commit: withdrawal when the commit fails, recovery after a crash, a second copy of the same bytes.</summary>
public abstract partial class ArchiveContract
{
    private (IngestService Ingest, FaultyBlobStore West, ReplicatedBlobStore Store) WithFaultyWest()
    {
        var west = new FaultyBlobStore(new InMemoryBlobStore("west"));
        var store = new ReplicatedBlobStore([new InMemoryBlobStore("east"), west]);
        return (new IngestService(store, _index, TimeProvider.System), west, store);
    }

    /// <summary>The first commit on <paramref name="west"/> signals that it started, waits for the release, then fails (or, with <paramref name="fail"/> false, goes on); later commits succeed.</summary>
    private static (TaskCompletionSource InCommit, TaskCompletionSource Release) FailFirstCommitOnceReleased(FaultyBlobStore west, bool fail = true)
    {
        var inCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = 0;
        west.BeforeCommit = async _ =>
        {
            if (Interlocked.Increment(ref commits) == 1)
            {
                inCommit.SetResult();
                await release.Task;
                if (fail)
                {
                    throw new IOException("west lost power");
                }
            }
        };
        return (inCommit, release);
    }

    /// <summary>
    /// The first copy of <paramref name="bytes"/> stalls in its commit on west; a second copy (its own clock) waits out
    /// <see cref="IngestService.OtherCopySettleTimeout"/> and is answered; then the first commit is released and fails or
    /// succeeds. Returns both answers, the second's first in time.
    /// </summary>
    private async Task<(ReplicatedBlobStore Store, IngestResult First, IngestResult Second)> SecondCopyOutwaitsTheFirstCommitAsync(byte[] bytes, bool firstFails)
    {
        var (ingest, west, store) = WithFaultyWest();
        var (firstInCommit, releaseFirst) = FailFirstCommitOnceReleased(west, firstFails);
        var source = new IngestSource(ClinicA, IngestOrigin.Dimse);
        var first = ingest.IngestAsync(source, new MemoryStream(bytes), CancellationToken.None);
        await firstInCommit.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var second = new IngestService(store, _index, clock).IngestAsync(source, new MemoryStream(bytes), CancellationToken.None);
        await Task.Delay(200);
        clock.Advance(IngestService.OtherCopySettleTimeout + TimeSpan.FromSeconds(1));
        var secondAnswer = await second.WaitAsync(TimeSpan.FromSeconds(10));
        releaseFirst.SetResult();
        return (store, await first.WaitAsync(TimeSpan.FromSeconds(10)), secondAnswer);
    }

    /// <summary>The bytes a retrieve serves for <paramref name="instance"/>.</summary>
    private async Task<byte[]> ServedBytesAsync(IBlobStore store, StoredInstance instance)
    {
        await using var served = await new Teleread.Archive.Retrieve.RetrieveService(store, _index).OpenAsync(instance, CancellationToken.None);
        var copy = new MemoryStream();
        await served.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task An_instance_whose_commit_fails_after_it_was_indexed_is_withdrawn_and_the_study_counts_are_as_before()
    {
        var (ingest, west, store) = WithFaultyWest();
        var source = new IngestSource(ClinicA, IngestOrigin.Stow);
        Assert.Equal(IngestOutcome.Stored, (await ingest.IngestAsync(source, new MemoryStream(TestInstances.Make("1.2.50.1", "1.2.50.1.1", "1.2.50.1.1.1")), CancellationToken.None)).Outcome);
        west.FailCommit = true;

        var failed = await ingest.IngestAsync(source, new MemoryStream(TestInstances.Make("1.2.50.1", "1.2.50.1.2", "1.2.50.1.2.1", modality: "MR")), CancellationToken.None);
        var alone = await ingest.IngestAsync(source, new MemoryStream(TestInstances.Make("1.2.51.1", "1.2.51.1.1", "1.2.51.1.1.1")), CancellationToken.None);

        Assert.Equal(IngestOutcome.Rejected, failed.Outcome);
        Assert.Equal(IngestStatus.OutOfResources, failed.DicomStatus);
        Assert.Equal("1.2.50.1.2.1", failed.SopInstanceUid);
        Assert.Equal(IngestOutcome.Rejected, alone.Outcome);
        var study = Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.5*")));
        Assert.Equal("1.2.50.1", study.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("1", study.GetString(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Equal("1", study.GetString(DicomTags.NumberOfStudyRelatedSeries));
        Assert.Equal("CT", study.GetString(DicomTags.ModalitiesInStudy));
        await _index.Intents.FlushAsync(CancellationToken.None);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        Assert.Equal(1, await store.Sites[0].ListAsync("").CountAsync());
    }

    [Fact]
    public async Task A_stored_instance_leaves_no_intent_once_confirmations_are_flushed()
    {
        Assert.Equal(IngestOutcome.Stored, (await Ingest(TestInstances.Make("1.2.52.1", "1.2.52.1.1", "1.2.52.1.1.1"))).Outcome);

        await _index.Intents.FlushAsync(CancellationToken.None);

        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        Assert.Equal(0, _index.Intents.ConfirmedPending);
    }

    [Fact]
    public async Task Instances_left_mid_commit_by_a_crash_are_kept_when_their_blob_is_intact_and_withdrawn_when_it_is_not()
    {
        // A crash after the index transaction and before (or during) the commit: intent rows without confirmation.
        var intact = await IndexedWhileCommittingAsync(TestInstances.Make("1.2.53.1", "1.2.53.1.1", "1.2.53.1.1.1"), "clinic-a/intact.dcm", writeBlob: true);
        var lost = await IndexedWhileCommittingAsync(TestInstances.Make("1.2.53.1", "1.2.53.1.1", "1.2.53.1.1.2"), "clinic-a/lost.dcm", writeBlob: false);
        var torn = await IndexedWhileCommittingAsync(TestInstances.Make("1.2.54.1", "1.2.54.1.1", "1.2.54.1.1.1"), "clinic-a/torn.dcm", writeBlob: true, tear: true);

        // The restarted process is the only one writing (its predecessor crashed): every intent is settled at once.
        var result = await new IngestIntentRecovery(_index, _store, TimeProvider.System).RecoverAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new IngestIntentRecoveryResult(1, 2, 0), result);
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        var study = Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.5*")));
        Assert.Equal("1", study.GetString(DicomTags.NumberOfStudyRelatedInstances));
        var kept = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.53.1", null, null, CancellationToken.None));
        Assert.Equal(intact, kept.SopInstanceUid);
        Assert.DoesNotContain(lost, (await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.53.1", null, null, CancellationToken.None)).Select(i => i.SopInstanceUid));
        Assert.False(await _store.Sites[0].ExistsAsync("clinic-a/torn.dcm"));
        Assert.NotNull(torn);
    }

    [Fact]
    public async Task A_second_copy_of_the_same_bytes_waits_for_the_first_commit_and_is_stored_itself_when_the_first_fails()
    {
        var (ingest, west, store) = WithFaultyWest();
        var (firstInCommit, releaseFirst) = FailFirstCommitOnceReleased(west);
        var bytes = TestInstances.Make("1.2.55.1", "1.2.55.1.1", "1.2.55.1.1.1");
        var source = new IngestSource(ClinicA, IngestOrigin.Dimse);

        var first = ingest.IngestAsync(source, new MemoryStream(bytes), CancellationToken.None);
        await firstInCommit.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = ingest.IngestAsync(source, new MemoryStream(bytes), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the second copy must not be acknowledged while the first is not durable");
        releaseFirst.SetResult();

        Assert.Equal(IngestOutcome.Rejected, (await first).Outcome);
        Assert.Equal(IngestOutcome.Stored, (await second).Outcome);
        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.55.1", null, null, CancellationToken.None));
        Assert.Equal(bytes, await ServedBytesAsync(store, instance));
    }

    [Fact]
    public async Task An_instance_whose_header_runs_past_the_kept_bytes_is_read_back_and_indexed_like_any_other()
    {
        var bytes = TestInstances.Make("1.2.56.1", "1.2.56.1.1", "1.2.56.1.1.1", accession: "BIGHEADER", privateBytes: 100_000);
        var large = TestInstances.Make("1.2.56.1", "1.2.56.1.1", "1.2.56.1.1.2", size: 256);

        Assert.Equal(IngestOutcome.Stored, (await Ingest(bytes)).Outcome);
        Assert.Equal(IngestOutcome.Stored, (await Ingest(large)).Outcome);

        var study = Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.AccessionNumber, "BIGHEADER")));
        Assert.Equal("2", study.GetString(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Equal(2, (await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.56.1", null, null, CancellationToken.None)).Count(i => i.Rows is 4 or 256));
    }

    [Fact]
    public async Task Intent_recovery_run_by_another_process_leaves_an_instance_whose_commit_is_still_running_alone()
    {
        // A second server process starting while this one stores: the intent it finds belongs to a live commit, not a crash.
        var (east, west) = (new FaultyBlobStore(new InMemoryBlobStore("east")), new FaultyBlobStore(new InMemoryBlobStore("west")));
        var store = new ReplicatedBlobStore([east, west]);
        var ingest = new IngestService(store, _index, TimeProvider.System);
        var inCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        east.BeforeCommit = west.BeforeCommit = async _ =>
        {
            inCommit.TrySetResult();
            await release.Task;
        };

        var storing = ingest.IngestAsync(new IngestSource(ClinicA, IngestOrigin.Dimse), new MemoryStream(TestInstances.Make("1.2.61.1", "1.2.61.1.1", "1.2.61.1.1.1")), CancellationToken.None);
        await inCommit.Task.WaitAsync(TimeSpan.FromSeconds(10));
        while ((await _index.Intents.ListAsync(CancellationToken.None)).Count == 0)
        {
            await Task.Delay(10);
        }

        var settled = await new IngestIntentRecovery(_index, store, TimeProvider.System).RecoverAsync(CancellationToken.None);
        release.SetResult();

        Assert.Equal(IngestOutcome.Stored, (await storing.WaitAsync(TimeSpan.FromSeconds(30))).Outcome);
        Assert.Equal(new IngestIntentRecoveryResult(0, 0, 1), settled);
        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.61.1", null, null, CancellationToken.None));
        Assert.True(await store.Sites[1].ExistsAsync(instance.BlobKey));
    }

    [Fact]
    public async Task A_copy_re_sent_after_a_crash_left_the_first_unsettled_is_stored_on_its_own_bytes_and_outlives_the_lost_first_copy()
    {
        // The first copy: indexed with its intent, then the process crashed before its blob landed (PostgreSQL: recovery
        // settles it only after LiveCommitBound). The modality sends the instance again meanwhile.
        var bytes = TestInstances.Make("1.2.63.1", "1.2.63.1.1", "1.2.63.1.1.1");
        var sop = await IndexedWhileCommittingAsync(bytes, "clinic-a/crashed.dcm", writeBlob: false);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var resent = new IngestService(_store, _index, clock).IngestAsync(new IngestSource(ClinicA, IngestOrigin.Dimse), new MemoryStream(bytes), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(resent.IsCompleted, "the re-sent copy waits for the first copy to settle");
        clock.Advance(IngestService.OtherCopySettleTimeout + TimeSpan.FromSeconds(1));

        Assert.Equal(IngestOutcome.Stored, (await resent.WaitAsync(TimeSpan.FromSeconds(10))).Outcome);
        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.63.1", null, sop, CancellationToken.None));
        Assert.NotEqual("clinic-a/crashed.dcm", instance.BlobKey);

        // Recovery then finds the crashed copy's intent referenced by nothing: the instance stays, on the re-sent bytes.
        Assert.Equal(new IngestIntentRecoveryResult(0, 0, 0), await new IngestIntentRecovery(_index, _store, TimeProvider.System).RecoverAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
        var kept = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.63.1", null, sop, CancellationToken.None));
        Assert.Equal(instance.BlobKey, kept.BlobKey);
        Assert.Equal("1", Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.63.1"))).GetString(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Equal(bytes, await ServedBytesAsync(_store, kept));
    }

    [Fact]
    public async Task A_second_copy_that_outwaits_a_slow_first_commit_is_stored_on_its_own_bytes_and_the_first_failing_later_removes_nothing()
    {
        var bytes = TestInstances.Make("1.2.64.1", "1.2.64.1.1", "1.2.64.1.1.1");
        var (store, first, second) = await SecondCopyOutwaitsTheFirstCommitAsync(bytes, firstFails: true);

        Assert.Equal(IngestOutcome.Stored, second.Outcome);
        Assert.Equal(IngestOutcome.Rejected, first.Outcome);

        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.64.1", null, null, CancellationToken.None));
        Assert.Equal(bytes, await ServedBytesAsync(store, instance));
        Assert.Equal("1", Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.64.1"))).GetString(DicomTags.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task A_slow_first_commit_that_succeeds_after_a_second_copy_adopted_the_instance_leaves_no_blob_behind_once_settled()
    {
        var bytes = TestInstances.Make("1.2.65.1", "1.2.65.1.1", "1.2.65.1.1.1");
        var (store, first, second) = await SecondCopyOutwaitsTheFirstCommitAsync(bytes, firstFails: false);
        Assert.Equal(IngestOutcome.Stored, second.Outcome);
        Assert.Equal(IngestOutcome.Stored, first.Outcome);
        await _index.Intents.FlushAsync(CancellationToken.None);

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + IngestIntentRecovery.LiveCommitBound + TimeSpan.FromSeconds(5));
        await new IngestIntentRecovery(_index, store, later).RecoverAsync(CancellationToken.None);

        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.65.1", null, null, CancellationToken.None));
        Assert.Equal(bytes, await ServedBytesAsync(store, instance));
        foreach (var site in store.Sites)
        {
            var keys = new List<string>();
            await foreach (var blob in site.ListAsync(ClinicA + "/"))
            {
                keys.Add(blob.Key);
            }

            Assert.Equal([instance.BlobKey], keys);
        }

        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_intent_younger_than_the_live_commit_bound_waits_for_a_later_round_and_is_settled_after_it()
    {
        var lost = await IndexedWhileCommittingAsync(TestInstances.Make("1.2.62.1", "1.2.62.1.1", "1.2.62.1.1.1"), "clinic-a/young.dcm", writeBlob: false);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + IngestIntentRecovery.LiveCommitBound + TimeSpan.FromSeconds(5));

        var now = await new IngestIntentRecovery(_index, _store, TimeProvider.System).RecoverAsync(CancellationToken.None);
        var afterBound = await new IngestIntentRecovery(_index, _store, later).RecoverAsync(CancellationToken.None);

        Assert.Equal(new IngestIntentRecoveryResult(0, 0, 1), now);
        Assert.Equal(new IngestIntentRecoveryResult(0, 1, 0), afterBound);
        Assert.Empty(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.62.1", null, lost, CancellationToken.None));
        Assert.Empty(await _index.Intents.ListAsync(CancellationToken.None));
    }

    /// <summary>Indexes an instance as ingest does before its commit; its blob written completely, torn (half), or not at all.</summary>
    private async Task<string> IndexedWhileCommittingAsync(byte[] bytes, string key, bool writeBlob, bool tear = false)
    {
        var file = DicomReader.ReadFile(new MemoryStream(bytes), DicomReaderOptions.HeaderOnly);
        var record = InstanceRecord.FromHeader(ClinicA, file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian.Uid);
        var expected = new BlobCommit(key, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal(ArchiveIndex.AddResult.Added, await _index.AddWhileCommittingAsync(record, expected, "Dimse", CancellationToken.None));
        if (writeBlob)
        {
            foreach (var site in _store.Sites)
            {
                await using var write = await site.BeginWriteAsync(key);
                await write.WriteAsync(tear ? bytes.AsMemory(0, bytes.Length / 2) : bytes);
                await write.CommitAsync();
            }
        }

        return record.SopInstanceUid;
    }
}
