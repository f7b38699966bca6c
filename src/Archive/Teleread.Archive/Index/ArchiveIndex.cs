using System.Data.Common;
using Dapper;
using Teleread.Archive.SiteReplication;
using Teleread.Archive.Storage;
using Teleread.Data;

namespace Teleread.Archive.Index;

/// <summary>The study / series / instance index, always keyed by clinic.</summary>
public sealed class ArchiveIndex(IDatabase db, TimeProvider clock)
{
    public enum AddResult
    {
        Added,
        SameInstanceAlreadyStored,
        DifferentInstanceAlreadyStored,
        StudyBelongsToAnotherPatient,

        /// <summary>The same bytes are indexed, but their blob's commit is still running (or ended in a crash): not yet a stored copy.</summary>
        SameInstanceStillCommitting,
    }

    /// <summary>Instances indexed while their blob commit runs (<see cref="AddWhileCommittingAsync"/>).</summary>
    public IngestIntentLog Intents { get; } = new(db);

    /// <summary>
    /// Adds one instance in one transaction. Rules: an identical re-send (same SHA-256) is a no-op; other bytes under a
    /// stored SOP Instance UID are refused (the first copy is kept); an instance whose Patient ID differs from its
    /// study's is refused (a study belongs to the patient it was first stored for). When the blob is still pending on
    /// some sites (<see cref="BlobCommit.PendingSites"/>, queued replication), their copies are queued in the same transaction.
    /// </summary>
    public Task<AddResult> AddAsync(InstanceRecord r, BlobCommit blob, string origin, CancellationToken ct) =>
        db.WriteAsync((c, t) => AddInTransactionAsync(c, t, r, blob, origin, false, null, ct), ct);

    /// <summary>
    /// As <see cref="AddAsync"/> for a blob whose commit is still running (<see cref="IBlobWrite.Describe"/>): the
    /// instance is recorded with an intent row in <see cref="Intents"/>. The caller confirms the intent once the commit
    /// succeeded, or withdraws the instance (<see cref="WithdrawAsync"/>) when it failed.
    /// </summary>
    public Task<AddResult> AddWhileCommittingAsync(InstanceRecord r, BlobCommit blob, string origin, CancellationToken ct) =>
        db.WriteAsync((c, t) => AddInTransactionAsync(c, t, r, blob, origin, true, null, ct), ct);

    /// <summary>Adds several instances in one transaction (one durable commit), in order, each by the rules of <see cref="AddAsync"/>.</summary>
    public Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<(InstanceRecord Record, BlobCommit Blob, string Origin)> items, CancellationToken ct) =>
        AddManyAsync([.. items.Select(x => (x.Record, x.Blob, x.Origin, (byte[]?)null))], false, ct);

    /// <summary>
    /// As <see cref="AddManyAsync(IReadOnlyList{ValueTuple{InstanceRecord, BlobCommit, string}}, CancellationToken)"/> for
    /// blobs whose commits are still running, each with an intent (<see cref="AddWhileCommittingAsync"/>). An item's
    /// <c>Journal</c>, when given, is the object's whole bytes, kept with the intent until it is confirmed (for a blob committed
    /// without waiting for the disk: <see cref="IBlobWrite.CommitDeferredAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<AddResult>> AddManyWhileCommittingAsync(IReadOnlyList<(InstanceRecord Record, BlobCommit Blob, string Origin, byte[]? Journal)> items, CancellationToken ct) =>
        AddManyAsync(items, true, ct);

    private Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<(InstanceRecord Record, BlobCommit Blob, string Origin, byte[]? Journal)> items, bool whileCommitting, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<AddResult>>(async (c, t) =>
        {
            var results = new List<AddResult>(items.Count);
            foreach (var (r, blob, origin, journal) in items)
            {
                results.Add(await AddInTransactionAsync(c, t, r, blob, origin, whileCommitting, journal, ct).ConfigureAwait(false));
            }

            return results;
        }, ct);

    /// <summary>
    /// For a durable copy of an instance whose indexed copy is still unsettled after a wait (its intent unconfirmed: a
    /// commit running very long, or one a crash cut off and recovery has not settled yet): the instance row is moved onto
    /// this copy — its key, length and checksums, and its queued copies — so an acknowledgement given for this copy does
    /// not depend on the other. The other copy's intent stays: recovery then finds its key referenced by nothing (its blob
    /// is deleted), and a withdrawal of it matches no row. A journaled other copy stands (its bytes are durable in the
    /// index): <see cref="AddResult.SameInstanceAlreadyStored"/>. When the other copy was settled or withdrawn meanwhile,
    /// this is <see cref="AddAsync"/>. Returns <see cref="AddResult.Added"/> when the instance now rests on this copy.
    /// </summary>
    public Task<AddResult> AdoptAsync(InstanceRecord r, BlobCommit blob, string origin, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await StoredCopyAsync(c, t, r, ct).ConfigureAwait(false) is not { } found || Compare(found, blob) != AddResult.SameInstanceStillCommitting)
            {
                return await AddInTransactionAsync(c, t, r, blob, origin, false, null, ct).ConfigureAwait(false);
            }

            // A journaled copy's bytes are durable in its intent (recovery restores its files from them): it stands.
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM archive_ingest_intents WHERE blob_key = @Key AND journal IS NOT NULL", new { found.Key }, t, cancellationToken: ct)).ConfigureAwait(false) > 0)
            {
                return AddResult.SameInstanceAlreadyStored;
            }

            var moved = await c.ExecuteAsync(new CommandDefinition(
                "UPDATE archive_instances SET blob_key = @Key, blob_length = @Length, blob_sha256 = @Sha256, blob_xxh3 = @Xxh3 " +
                "WHERE clinic_id = @ClinicId AND sop_instance_uid = @SopInstanceUid AND blob_key = @OtherKey",
                new { blob.Key, blob.Length, blob.Sha256, blob.Xxh3, r.ClinicId, r.SopInstanceUid, OtherKey = found.Key }, t, cancellationToken: ct)).ConfigureAwait(false);
            if (moved == 0)
            {
                // Withdrawn between the two statements (PostgreSQL, READ COMMITTED): this copy is added as the first.
                return await AddInTransactionAsync(c, t, r, blob, origin, false, null, ct).ConfigureAwait(false);
            }

            await c.ExecuteAsync(new CommandDefinition("DELETE FROM archive_replication_queue WHERE blob_key = @OtherKey",
                new { OtherKey = found.Key }, t, cancellationToken: ct)).ConfigureAwait(false);
            await ReplicationQueue.EnqueueAsync(c, t, r.ClinicId, r.SopInstanceUid, blob, UnixTime.ToDb(clock.GetUtcNow()), ct).ConfigureAwait(false);
            return AddResult.Added;
        }, ct);

    /// <summary>
    /// Removes an instance recorded by <see cref="AddWhileCommittingAsync"/> whose blob did not become durable: its row
    /// (only while it still names <paramref name="blobKey"/>), its share of the series and study counts (and the series or
    /// study when it was their only instance), its queued copies and its intent. Returns whether an instance was removed.
    /// </summary>
    public Task<bool> WithdrawAsync(string clinicId, string sopInstanceUid, string blobKey, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var p = new { clinicId, sopInstanceUid, blobKey };
            var row = await c.QuerySingleOrDefaultAsync<(string StudyUid, string SeriesUid)?>(new CommandDefinition(
                "SELECT study_uid, series_uid FROM archive_instances WHERE clinic_id = @clinicId AND sop_instance_uid = @sopInstanceUid AND blob_key = @blobKey",
                p, t, cancellationToken: ct)).ConfigureAwait(false);
            await IngestIntentLog.RemoveAsync(c, t, blobKey, ct).ConfigureAwait(false);
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM archive_replication_queue WHERE blob_key = @blobKey", p, t, cancellationToken: ct)).ConfigureAwait(false);
            if (row is not { } r)
            {
                return false;
            }

            var q = new { clinicId, r.StudyUid, r.SeriesUid, sopInstanceUid };
            foreach (var sql in new[]
            {
                "DELETE FROM archive_instances WHERE clinic_id = @clinicId AND sop_instance_uid = @sopInstanceUid",
                "UPDATE archive_series SET instance_count = instance_count - 1 WHERE clinic_id = @clinicId AND series_uid = @SeriesUid",
                "DELETE FROM archive_series WHERE clinic_id = @clinicId AND series_uid = @SeriesUid AND instance_count <= 0",
            })
            {
                await c.ExecuteAsync(new CommandDefinition(sql, q, t, cancellationToken: ct)).ConfigureAwait(false);
            }

            await UncountAsync(c, t, clinicId, r.StudyUid, ct).ConfigureAwait(false);

            await RefreshStudySeriesAsync(c, t, clinicId, r.StudyUid, ct).ConfigureAwait(false);
            return true;
        }, ct);

    private async Task<AddResult> AddInTransactionAsync(DbConnection c, DbTransaction t, InstanceRecord r, BlobCommit blob, string origin, bool whileCommitting, byte[]? journal, CancellationToken ct)
    {
        if (await StoredCopyAsync(c, t, r, ct).ConfigureAwait(false) is { } found)
        {
            return Compare(found, blob);
        }

        // The study row first, and only while it belongs to this patient: the upsert counts the instance in a study of the same
        // Patient ID (or starts the study), and touches nothing when the study is another patient's. Deciding in the one
        // statement matters on PostgreSQL (READ COMMITTED): two first instances of a new study with different Patient IDs
        // both saw no study when this was a SELECT before the inserts, and both were indexed under the first patient's study.
        // Now the second waits on the first's new row and then finds it another patient's. It is also the order a deletion
        // locks in (study row first), so an ingest waits for a deletion of its study before it holds anything else.
        var now = UnixTime.ToDb(clock.GetUtcNow());
        var (alpha, ideo, phon) = PersonNameSearch.Groups(r.PatientName);
        var counted = await c.ExecuteCachedAsync(
            "INSERT INTO archive_studies (clinic_id, study_uid, patient_id, patient_name, pn_alphabetic, pn_ideographic, pn_phonetic, patient_birth_date, " +
            "patient_sex, study_date, study_time, accession_number, study_id, study_description, referring_physician, modalities, character_set, " +
            "series_count, instance_count, created_at, updated_at) VALUES (@ClinicId, @StudyUid, @PatientId, @PatientName, @Alpha, @Ideo, @Phon, " +
            "@PatientBirthDate, @PatientSex, @StudyDate, @StudyTime, @AccessionNumber, @StudyId, @StudyDescription, @ReferringPhysician, @Modalities, " +
            "@CharacterSet, 1, 1, @Now, @Now) ON CONFLICT (clinic_id, study_uid) DO UPDATE SET instance_count = archive_studies.instance_count + 1, updated_at = @Now " +
            "WHERE archive_studies.patient_id = excluded.patient_id",
            new
            {
                r.ClinicId, r.StudyUid, r.PatientId, r.PatientName, Alpha = alpha, Ideo = ideo, Phon = phon, r.PatientBirthDate, r.PatientSex,
                r.StudyDate, r.StudyTime, r.AccessionNumber, r.StudyId, r.StudyDescription, r.ReferringPhysician, Modalities = "|" + r.Modality + "|",
                r.CharacterSet, Now = now,
            }, t, ct).ConfigureAwait(false);
        if (counted == 0)
        {
            return AddResult.StudyBelongsToAnotherPatient;
        }

        var inserted = await c.ExecuteCachedAsync(
            "INSERT INTO archive_instances (clinic_id, study_uid, series_uid, sop_instance_uid, sop_class_uid, instance_number, rows_count, columns_count, " +
            "bits_allocated, number_of_frames, transfer_syntax_uid, blob_key, blob_length, blob_sha256, blob_xxh3, origin, created_at) VALUES " +
            "(@ClinicId, @StudyUid, @SeriesUid, @SopInstanceUid, @SopClassUid, @InstanceNumber, @Rows, @Columns, @BitsAllocated, @NumberOfFrames, " +
            "@TransferSyntaxUid, @Key, @Length, @Sha, @Xxh3, @Origin, @Now) ON CONFLICT (clinic_id, sop_instance_uid) DO NOTHING",
            new
            {
                r.ClinicId, r.StudyUid, r.SeriesUid, r.SopInstanceUid, r.SopClassUid, r.InstanceNumber, r.Rows, r.Columns, r.BitsAllocated,
                r.NumberOfFrames, r.TransferSyntaxUid, blob.Key, blob.Length, Sha = blob.Sha256, blob.Xxh3, Origin = origin, Now = now,
            }, t, ct).ConfigureAwait(false);
        if (inserted == 0)
        {
            // A concurrent send of the same SOP Instance UID won the insert between our check and ours (or withdrew it since: try
            // again). The study counted this instance above: take it back (and the study, when this instance alone started it).
            await UncountAsync(c, t, r.ClinicId, r.StudyUid, ct).ConfigureAwait(false);
            return await StoredCopyAsync(c, t, r, ct).ConfigureAwait(false) is { } winner ? Compare(winner, blob) : AddResult.SameInstanceStillCommitting;
        }

        // Only a new series changes the study's modalities and series count (RETURNING: 1 for a series this instance starts).
        var seriesInstances = await c.QueryFirstCachedAsync(
            "INSERT INTO archive_series (clinic_id, study_uid, series_uid, modality, series_number, series_description, body_part, instance_count, " +
            "performed_start_date, performed_start_time, requested_procedure_id, scheduled_step_id) " +
            "VALUES (@ClinicId, @StudyUid, @SeriesUid, @Modality, @SeriesNumber, @SeriesDescription, @BodyPart, 1, " +
            "@PerformedStartDate, @PerformedStartTime, @RequestedProcedureId, @ScheduledStepId) " +
            "ON CONFLICT (clinic_id, series_uid) DO UPDATE SET instance_count = archive_series.instance_count + 1 RETURNING instance_count",
            r, t, row => Convert.ToInt64(row.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        if (seriesInstances is not > 1)
        {
            await RefreshStudySeriesAsync(c, t, r.ClinicId, r.StudyUid, ct).ConfigureAwait(false);
        }

        await ReplicationQueue.EnqueueAsync(c, t, r.ClinicId, r.SopInstanceUid, blob, now, ct).ConfigureAwait(false);
        if (whileCommitting)
        {
            await IngestIntentLog.RecordAsync(c, t, r.ClinicId, r.SopInstanceUid, blob.Key, now, journal, ct).ConfigureAwait(false);
        }

        return AddResult.Added;
    }

    /// <summary>Takes back an instance's share of its study's count (an instance not inserted, or withdrawn); a study left with no instance goes.</summary>
    private static async Task UncountAsync(DbConnection c, DbTransaction t, string clinicId, string studyUid, CancellationToken ct)
    {
        var p = new { clinicId, studyUid };
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE archive_studies SET instance_count = instance_count - 1 WHERE clinic_id = @clinicId AND study_uid = @studyUid", p, t, cancellationToken: ct)).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM archive_studies WHERE clinic_id = @clinicId AND study_uid = @studyUid AND instance_count <= 0", p, t, cancellationToken: ct)).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<StoredInstance>> ListInstancesAsync(ArchiveAccess access, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StoredInstance>>(async c =>
        {
            var p = new DynamicParameters(new { StudyUid = studyUid, SeriesUid = seriesUid, SopUid = sopInstanceUid });
            var sql = SelectInstances + "study_uid = @StudyUid" +
                      (seriesUid is null ? "" : " AND series_uid = @SeriesUid") + (sopInstanceUid is null ? "" : " AND sop_instance_uid = @SopUid") +
                      AccessSql.Where(access, p, "clinic_id", "study_uid") + " ORDER BY series_uid, created_at";
            var rows = await c.QueryAsync<InstanceRow>(new CommandDefinition(sql, p, cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(x => x.ToStoredInstance()).ToList();
        }, ct);

    /// <summary>The visible instances among <paramref name="sopInstanceUids"/> (storage commitment); unknown or hidden ones are simply absent.</summary>
    public Task<IReadOnlyList<StoredInstance>> FindInstancesAsync(ArchiveAccess access, IReadOnlyList<string> sopInstanceUids, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StoredInstance>>(async c =>
        {
            var found = new List<StoredInstance>();
            foreach (var chunk in sopInstanceUids.Distinct(StringComparer.Ordinal).Chunk(500))
            {
                var p = new DynamicParameters();
                var sql = SelectInstances + AccessSql.InList("sop_instance_uid", chunk, "Sop", p) + AccessSql.Where(access, p, "clinic_id", "study_uid");
                found.AddRange((await c.QueryAsync<InstanceRow>(new CommandDefinition(sql, p, cancellationToken: ct)).ConfigureAwait(false)).Select(x => x.ToStoredInstance()));
            }

            return found;
        }, ct);

    /// <summary>
    /// Removes a study's index rows, and its blobs' queued copies, and returns its instances so their blobs can be deleted. With
    /// <paramref name="lastReceivedBefore"/> (retention), a study that received an instance since then is kept.
    /// The study row is locked first, always: every ingest into the study updates that row, so under READ COMMITTED
    /// (PostgreSQL) an instance arriving concurrently either committed before (and is removed with the study) or waits and
    /// then starts the study anew — without the lock it could be inserted unseen, count itself in the study, and be left
    /// without its series and study by the deletes that follow. With <paramref name="mayRemove"/> (retention: the current
    /// period and the holds), the decision is made after that lock, in the same transaction, from the study's last-received
    /// time; false keeps the study.
    /// </summary>
    public Task<IReadOnlyList<StoredInstance>> RemoveStudyAsync(ArchiveAccess access, string studyUid, CancellationToken ct, DateTimeOffset? lastReceivedBefore = null,
        Func<DbConnection, DbTransaction, DateTimeOffset, Task<bool>>? mayRemove = null) =>
        db.WriteAsync<IReadOnlyList<StoredInstance>>(async (c, t) =>
        {
            var p = new DynamicParameters(new { StudyUid = studyUid });
            var where = "study_uid = @StudyUid" + AccessSql.Where(access, p, "clinic_id", "study_uid");
            var stillOld = "";
            if (lastReceivedBefore is { } before)
            {
                p.Add("Before", UnixTime.ToDb(before));
                stillOld = "updated_at < @Before AND ";
            }

            var locked = await c.ExecuteAsync(new CommandDefinition(
                "UPDATE archive_studies SET updated_at = updated_at WHERE " + stillOld + where, p, t, cancellationToken: ct)).ConfigureAwait(false);
            if (locked == 0 && lastReceivedBefore is not null)
            {
                return [];
            }

            if (locked > 0 && mayRemove is not null)
            {
                var lastReceived = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT MAX(updated_at) FROM archive_studies WHERE " + where, p, t, cancellationToken: ct)).ConfigureAwait(false);
                if (!await mayRemove(c, t, UnixTime.FromDb(lastReceived)).ConfigureAwait(false))
                {
                    return [];
                }
            }

            var rows = (await c.QueryAsync<InstanceRow>(new CommandDefinition(
                SelectInstances + where,
                p, t, cancellationToken: ct)).ConfigureAwait(false)).Select(x => x.ToStoredInstance()).ToList();
            await ReplicationQueue.RemoveForInstancesAsync(c, t, where, p, ct).ConfigureAwait(false);
            foreach (var table in new[] { "archive_instances", "archive_series", "archive_studies" })
            {
                await c.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE " + where, p, t, cancellationToken: ct)).ConfigureAwait(false);
            }

            return rows;
        }, ct);

    /// <summary>
    /// Every indexed blob with its expected size and hash (and the sites its copy is still queued for), for the storage scrubber. Streams in pages of
    /// <paramref name="pageSize"/> rows (keyset order on the primary key), so memory stays flat and no
    /// connection or read transaction is held while the scrubber works through a page.
    /// </summary>
    public async IAsyncEnumerable<BlobExpectation> ExpectedBlobsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, int pageSize = 1000)
    {
        var (clinic, sop) = ("", "");
        while (true)
        {
            var (page, pending) = await db.ReadAsync(async c =>
            {
                var rows = (await c.QueryAsync<(string Clinic, string Sop, string Key, long Length, string Sha)>(new CommandDefinition(
                    "SELECT clinic_id, sop_instance_uid, blob_key, blob_length, blob_sha256 FROM archive_instances " +
                    "WHERE clinic_id > @Clinic OR (clinic_id = @Clinic AND sop_instance_uid > @Sop) ORDER BY clinic_id, sop_instance_uid LIMIT @Limit",
                    new { Clinic = clinic, Sop = sop, Limit = pageSize }, cancellationToken: ct)).ConfigureAwait(false)).ToList();
                // Read after the page: a queue row is committed with its instance and only ever removed, so a copy listed
                // as pending here was pending when the page was read, and one not listed has been made (or never was due).
                return (rows, await ReplicationQueue.PendingSitesAsync(c, [.. rows.Select(r => r.Key)], ct).ConfigureAwait(false));
            }, ct).ConfigureAwait(false);
            foreach (var r in page)
            {
                yield return new BlobExpectation(r.Key, r.Length, r.Sha)
                {
                    PendingSites = pending.TryGetValue(r.Key, out var sites) ? sites : [],
                    Instance = (r.Clinic, r.Sop),
                };
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            (clinic, sop) = (page[^1].Clinic, page[^1].Sop);
        }
    }

    /// <summary>
    /// Whether an instance still references the object (the scrubber asks after a repair, <see cref="BlobScrubber.ScrubAsync"/>):
    /// by the instance's key when the expectation names it, otherwise by blob key (no index: a scan, for expectations from elsewhere).
    /// </summary>
    public Task<bool> StillExpectsAsync(BlobExpectation expected, CancellationToken ct) =>
        db.ReadAsync(async c => await c.ExecuteScalarAsync<long>(new CommandDefinition(expected.Instance is not null
            ? "SELECT COUNT(*) FROM archive_instances WHERE clinic_id = @ClinicId AND sop_instance_uid = @Sop AND blob_key = @Key"
            : "SELECT COUNT(*) FROM archive_instances WHERE blob_key = @Key",
            new { expected.Instance?.ClinicId, Sop = expected.Instance?.SopInstanceUid, expected.Key }, cancellationToken: ct)).ConfigureAwait(false) > 0, ct);

    /// <summary>
    /// The instance's row and whether its blob's commit is still unconfirmed, read in one statement: under READ COMMITTED
    /// (PostgreSQL) two statements could see the row, then — after a failed commit withdrew row and intent together — no
    /// intent, and take a copy being withdrawn for one already stored.
    /// </summary>
    private static Task<(string Sha, string Key, bool Intent)?> StoredCopyAsync(DbConnection c, DbTransaction t, InstanceRecord r, CancellationToken ct) =>
        c.QueryFirstCachedAsync(
            "SELECT i.blob_sha256, i.blob_key, EXISTS (SELECT 1 FROM archive_ingest_intents x WHERE x.blob_key = i.blob_key) " +
            "FROM archive_instances i WHERE i.clinic_id = @ClinicId AND i.sop_instance_uid = @SopInstanceUid",
            new { r.ClinicId, r.SopInstanceUid }, t, row => (row.GetString(0), row.GetString(1), Convert.ToBoolean(row.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)), ct);

    private AddResult Compare((string Sha, string Key, bool Intent) stored, BlobCommit blob) =>
        stored.Sha != blob.Sha256 ? AddResult.DifferentInstanceAlreadyStored
        : stored.Intent && !Intents.IsConfirmed(stored.Key) ? AddResult.SameInstanceStillCommitting
        : AddResult.SameInstanceAlreadyStored;

    private const string SelectInstances =
        "SELECT clinic_id AS ClinicId, study_uid AS StudyUid, series_uid AS SeriesUid, sop_instance_uid AS SopInstanceUid, sop_class_uid AS SopClassUid, " +
        "transfer_syntax_uid AS TransferSyntaxUid, instance_number AS InstanceNumber, number_of_frames AS NumberOfFrames, rows_count AS Rows, " +
        "columns_count AS Columns, blob_key AS BlobKey, blob_length AS BlobLength, blob_sha256 AS BlobSha256, blob_xxh3 AS BlobXxh3 FROM archive_instances WHERE ";

    private static async Task RefreshStudySeriesAsync(DbConnection c, DbTransaction t, string clinicId, string studyUid, CancellationToken ct)
    {
        var modalities = (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT modality FROM archive_series WHERE clinic_id = @clinicId AND study_uid = @studyUid AND modality <> '' ORDER BY modality",
            new { clinicId, studyUid }, t, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE archive_studies SET modalities = @m, series_count = (SELECT COUNT(*) FROM archive_series s WHERE s.clinic_id = @clinicId AND s.study_uid = @studyUid) " +
            "WHERE clinic_id = @clinicId AND study_uid = @studyUid",
            new { m = "|" + string.Join('|', modalities) + "|", clinicId, studyUid }, t, cancellationToken: ct)).ConfigureAwait(false);
    }

    private sealed class InstanceRow
    {
        public string ClinicId { get; set; } = "";
        public string StudyUid { get; set; } = "";
        public string SeriesUid { get; set; } = "";
        public string SopInstanceUid { get; set; } = "";
        public string SopClassUid { get; set; } = "";
        public string TransferSyntaxUid { get; set; } = "";
        public string InstanceNumber { get; set; } = "";
        public long NumberOfFrames { get; set; }
        public long Rows { get; set; }
        public long Columns { get; set; }
        public string BlobKey { get; set; } = "";
        public long BlobLength { get; set; }
        public string BlobSha256 { get; set; } = "";
        public string? BlobXxh3 { get; set; }

        public StoredInstance ToStoredInstance() => new(ClinicId, StudyUid, SeriesUid, SopInstanceUid, SopClassUid, TransferSyntaxUid, InstanceNumber,
            (int)NumberOfFrames, (int)Rows, (int)Columns, BlobKey, BlobLength, BlobSha256, BlobXxh3);
    }
}
