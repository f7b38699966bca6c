using System.Data.Common;
using Dapper;
using Teleread.Archive.Ingest;
using Teleread.Archive.Storage;
using Teleread.Data;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

/// <summary>
/// Read-then-decide races: on PostgreSQL (READ COMMITTED) the interleaving is forced with a row lock the test holds and
/// releases once the other transactions wait on it; on SQLite (writers take turns) the same work runs concurrently.
/// </summary>
public abstract partial class ArchiveContract
{
    [Fact]
    public async Task Deleting_a_study_while_an_instance_arrives_in_it_never_leaves_an_instance_outside_a_study()
    {
        Assert.Equal(IngestOutcome.Stored, (await Ingest(TestInstances.Make("1.2.60.1", "1.2.60.1.1", "1.2.60.1.1.1"))).Outcome);
        var deletion = new StudyDeletionService(_store, _index);
        Task<IngestResult> arriving;
        Task<StudyDeletionResult> deleting;
        await using (var holder = await HoldRowAsync("SELECT 1 FROM archive_series WHERE clinic_id = 'clinic-a' AND series_uid = '1.2.60.1.1'"))
        {
            // The new instance is inserted and waits to count itself in the series; the deletion, started after it, then
            // removes the study's instances (not the uncommitted new one) and waits on the series too.
            arriving = Ingest(TestInstances.Make("1.2.60.1", "1.2.60.1.1", "1.2.60.1.1.2"));
            await holder.WaitForWaitersAsync(1);
            deleting = deletion.DeleteStudyAsync(ArchiveAccess.Clinic(ClinicA), "1.2.60.1", CancellationToken.None);
            await holder.WaitForWaitersAsync(2);
        }

        var arrived = await arriving.WaitAsync(TimeSpan.FromSeconds(30));
        var deleted = await deleting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(IngestOutcome.Stored, arrived.Outcome);
        Assert.True(deleted.Found);
        await AssertIndexConsistentAsync();
        var left = await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.60.1", null, null, CancellationToken.None);
        // Either the deletion took both instances (and both blobs), or the new instance started the study anew.
        Assert.Equal(2 - left.Count, deleted.InstancesRemoved);
        foreach (var instance in left)
        {
            Assert.True(await _store.Sites[0].ExistsAsync(instance.BlobKey));
        }

        Assert.Equal(left.Count, await _store.Sites[0].ListAsync("").CountAsync());
    }

    [Fact]
    public async Task Two_first_instances_of_a_new_study_for_different_patients_at_once_store_one_and_refuse_the_other_as_a_conflict()
    {
        Task<IngestResult> first;
        Task<IngestResult> second;
        // The test holds an uncommitted row of the first instance's series, so the first ingest stops in its transaction
        // with everything it wrote before the series uncommitted (and is let through when the test rolls it back).
        await using (var holder = await HoldUncommittedAsync(
            "INSERT INTO archive_series (clinic_id, study_uid, series_uid, modality, series_number, series_description, body_part, instance_count) " +
            "VALUES ('clinic-a', '1.2.61.0', '1.2.61.1.1', 'CT', '1', '', '', 1) RETURNING 1"))
        {
            first = _ingest.IngestAsync(new IngestSource(ClinicA, IngestOrigin.Dimse),
                new MemoryStream(TestInstances.Make("1.2.61.1", "1.2.61.1.1", "1.2.61.1.1.1", patientId: "P1")), CancellationToken.None);
            await holder.WaitForWaitersAsync(1);
            second = _ingest.IngestAsync(new IngestSource(ClinicA, IngestOrigin.Dimse),
                new MemoryStream(TestInstances.Make("1.2.61.1", "1.2.61.1.2", "1.2.61.1.2.1", patientId: "P2")), CancellationToken.None);
            // Guarded, the second waits on the first's new study row; unguarded it saw no study and went through.
            await holder.WaitForWaitersAsync(2, until: second);
        }

        IngestResult[] results = [await first.WaitAsync(TimeSpan.FromSeconds(30)), await second.WaitAsync(TimeSpan.FromSeconds(30))];

        var stored = Assert.Single(results, r => r.Outcome == IngestOutcome.Stored);
        var refused = Assert.Single(results, r => r.Outcome == IngestOutcome.Conflict);
        Assert.Equal(IngestStatus.Conflict, refused.DicomStatus); // what a C-STORE answers, as when the study was stored before
        Assert.Contains("another Patient ID", refused.FailureReason, StringComparison.Ordinal);
        var study = Assert.Single(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.61.1")));
        Assert.Equal(stored == results[0] ? "P1" : "P2", study.GetString(DicomTags.PatientID));
        Assert.Equal("1", study.GetString(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.All, "1.2.61.1", null, null, CancellationToken.None));
        Assert.Equal(1, await BlobCount());
        await AssertIndexConsistentAsync();
    }

    /// <summary>Every instance has its series and study, and the counts agree with the rows.</summary>
    private async Task AssertIndexConsistentAsync()
    {
        await using var c = await Db.OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM archive_instances i WHERE NOT EXISTS (SELECT 1 FROM archive_studies s WHERE s.clinic_id = i.clinic_id AND s.study_uid = i.study_uid) " +
            "OR NOT EXISTS (SELECT 1 FROM archive_series r WHERE r.clinic_id = i.clinic_id AND r.series_uid = i.series_uid)"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM archive_studies s WHERE s.instance_count <> (SELECT COUNT(*) FROM archive_instances i WHERE i.clinic_id = s.clinic_id AND i.study_uid = s.study_uid)"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM archive_replication_queue q WHERE NOT EXISTS (SELECT 1 FROM archive_instances i WHERE i.blob_key = q.blob_key)"));
    }

    private async Task<RowHolder> HoldRowAsync(string select) =>
        Db.Dialect == SqlDialectKind.Postgres ? await RowHolder.HoldAsync(Db, select + " FOR UPDATE") : new RowHolder(null, null, null);

    /// <summary>PostgreSQL: an uncommitted insert (<paramref name="insert"/> returns a row) that others inserting the same key wait on, rolled back when disposed.</summary>
    private async Task<RowHolder> HoldUncommittedAsync(string insert) =>
        Db.Dialect == SqlDialectKind.Postgres ? await RowHolder.HoldAsync(Db, insert, rollBack: true) : new RowHolder(null, null, null);

    /// <summary>
    /// PostgreSQL: a transaction holding a row lock until disposed; <see cref="WaitForWaitersAsync"/> returns once that
    /// many other sessions wait on a lock. SQLite (no row locks; writers take turns): holds nothing and waits briefly.
    /// </summary>
    private sealed class RowHolder(IDatabase? db, DbConnection? connection, DbTransaction? transaction, bool rollBack = false) : IAsyncDisposable
    {
        public static async Task<RowHolder> HoldAsync(IDatabase db, string sql, bool rollBack = false)
        {
            var c = await db.OpenAsync(CancellationToken.None);
            var t = await c.BeginTransactionAsync();
            Assert.NotNull(await c.ExecuteScalarAsync<int?>(sql, transaction: t));
            return new RowHolder(db, c, t, rollBack);
        }

        /// <summary>As <see cref="WaitForWaitersAsync(int)"/>, or until <paramref name="until"/> has ended (the code under test did not wait).</summary>
        public async Task WaitForWaitersAsync(int count, Task until)
        {
            if (db is null)
            {
                await Task.Delay(20);
                return;
            }

            await LockWaiters.WaitForAsync(db, $"expected {count} session(s) waiting on a lock", count, until);
        }

        public Task WaitForWaitersAsync(int count) => WaitForWaitersAsync(count, new TaskCompletionSource().Task);

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await (rollBack ? transaction.RollbackAsync() : transaction.CommitAsync());
                await transaction.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
