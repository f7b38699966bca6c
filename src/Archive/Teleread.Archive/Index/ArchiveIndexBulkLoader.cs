using Teleread.Archive.Storage;
using Teleread.Data;

namespace Teleread.Archive.Index;

/// <summary>
/// Loads many already-stored instances into the index in one transaction with multi-row INSERTs: for importing an
/// existing archive's index and for seeding benchmarks (100,000 studies in well under a minute). Each batch must hold
/// whole studies not yet indexed: study modalities and counts are computed from the batch, and rows already present
/// are left as they are. Uses the same study, series and instance columns (and person-name groups) as
/// <see cref="ArchiveIndex.AddAsync"/>.
/// </summary>
public sealed class ArchiveIndexBulkLoader(IDatabase db, TimeProvider clock)
{
    private static readonly string[] StudyColumns =
    [
        "clinic_id", "study_uid", "patient_id", "patient_name", "pn_alphabetic", "pn_ideographic", "pn_phonetic", "patient_birth_date",
        "patient_sex", "study_date", "study_time", "accession_number", "study_id", "study_description", "referring_physician", "modalities",
        "character_set", "series_count", "instance_count", "created_at", "updated_at",
    ];

    private static readonly string[] SeriesColumns =
        ["clinic_id", "study_uid", "series_uid", "modality", "series_number", "series_description", "body_part", "instance_count"];

    private static readonly string[] InstanceColumns =
    [
        "clinic_id", "study_uid", "series_uid", "sop_instance_uid", "sop_class_uid", "instance_number", "rows_count", "columns_count",
        "bits_allocated", "number_of_frames", "transfer_syntax_uid", "blob_key", "blob_length", "blob_sha256", "blob_xxh3", "origin", "created_at",
    ];

    public Task LoadAsync(IReadOnlyList<(InstanceRecord Record, BlobCommit Blob)> instances, string origin, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var now = UnixTime.ToDb(clock.GetUtcNow());
            var studies = new List<object?[]>();
            var series = new List<object?[]>();
            var rows = new List<object?[]>(instances.Count);
            foreach (var study in instances.GroupBy(x => (x.Record.ClinicId, x.Record.StudyUid)))
            {
                var r = study.First().Record;
                var bySeries = study.GroupBy(x => x.Record.SeriesUid).ToList();
                var modalities = bySeries.Select(s => s.First().Record.Modality).Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal);
                var (alpha, ideo, phon) = PersonNameSearch.Groups(r.PatientName);
                studies.Add([
                    r.ClinicId, r.StudyUid, r.PatientId, r.PatientName, alpha, ideo, phon, r.PatientBirthDate, r.PatientSex, r.StudyDate, r.StudyTime,
                    r.AccessionNumber, r.StudyId, r.StudyDescription, r.ReferringPhysician, "|" + string.Join('|', modalities) + "|", r.CharacterSet,
                    (long)bySeries.Count, (long)study.Count(), now, now,
                ]);
                foreach (var s in bySeries)
                {
                    var f = s.First().Record;
                    series.Add([f.ClinicId, f.StudyUid, f.SeriesUid, f.Modality, f.SeriesNumber, f.SeriesDescription, f.BodyPart, (long)s.Count()]);
                }
            }

            foreach (var (i, b) in instances)
            {
                rows.Add([
                    i.ClinicId, i.StudyUid, i.SeriesUid, i.SopInstanceUid, i.SopClassUid, i.InstanceNumber, (long)i.Rows, (long)i.Columns,
                    (long)i.BitsAllocated, (long)i.NumberOfFrames, i.TransferSyntaxUid, b.Key, b.Length, b.Sha256, b.Xxh3, origin, now,
                ]);
            }

            await MultiRowInsert.RunAsync(c, t, db.Dialect, "archive_studies", StudyColumns, studies, ct).ConfigureAwait(false);
            await MultiRowInsert.RunAsync(c, t, db.Dialect, "archive_series", SeriesColumns, series, ct).ConfigureAwait(false);
            await MultiRowInsert.RunAsync(c, t, db.Dialect, "archive_instances", InstanceColumns, rows, ct).ConfigureAwait(false);
        }, ct);

    /// <summary>
    /// Refreshes the planner's statistics after a large load (ANALYZE), as PostgreSQL's autovacuum would within a minute
    /// and SQLite's PRAGMA optimize at the next connection refresh (see SqliteDatabase).
    /// </summary>
    public Task AnalyzeAsync(CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            await using var analyze = c.CreateCommand();
            analyze.Transaction = t;
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
}
