using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Query;
using Teleread.Archive.Retrieve;
using Teleread.Archive.Storage;
using Teleread.Data;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

/// <summary>Ingest, index, query and retrieve, run against SQLite and PostgreSQL (subclasses), with two in-memory storage sites.</summary>
public abstract partial class ArchiveContract : IAsyncLifetime
{
    private const string ClinicA = "clinic-a";
    private const string ClinicB = "clinic-b";

    protected IDatabase Db { get; set; } = null!;

    private ReplicatedBlobStore _store = null!;
    private IngestService _ingest = null!;
    private StudyQueryService _query = null!;
    private RetrieveService _retrieve = null!;
    private ArchiveIndex _index = null!;

    protected abstract Task<IDatabase> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Db = await CreateDatabaseAsync();
        await new MigrationRunner(Db, [ArchiveMigrations.Source]).ApplyAsync(CancellationToken.None);
        _store = new ReplicatedBlobStore([new InMemoryBlobStore("east"), new InMemoryBlobStore("west")]);
        _index = new ArchiveIndex(Db, TimeProvider.System);
        _ingest = new IngestService(_store, _index, TimeProvider.System);
        _query = new StudyQueryService(Db);
        _retrieve = new RetrieveService(_store, _index);
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    private Task<IngestResult> Ingest(byte[] bytes, string clinic = ClinicA) =>
        _ingest.IngestAsync(new IngestSource(clinic, IngestOrigin.Stow), new MemoryStream(bytes), CancellationToken.None);

    private Task<IReadOnlyList<DicomDataset>> Studies(ArchiveAccess access, params (DicomTag Tag, string Value)[] keys) =>
        Query(access, QueryLevel.Study, false, keys);

    private Task<IReadOnlyList<DicomDataset>> Query(ArchiveAccess access, QueryLevel level, bool fuzzy, params (DicomTag Tag, string Value)[] keys)
    {
        var q = new StudyQuery { Level = level, FuzzyNames = fuzzy };
        foreach (var (t, v) in keys)
        {
            q.Keys[t] = v;
        }

        return _query.QueryAsync(access, q, CancellationToken.None);
    }

    private async Task<int> BlobCount() => await _store.Sites[0].ListAsync("").CountAsync();

    [Fact]
    public async Task Every_sample_file_is_stored_or_refused_with_a_reason_and_stored_ones_are_served_back_identically()
    {
        var stored = 0;
        foreach (var relative in RepoPaths.AllSampleFiles())
        {
            var bytes = await File.ReadAllBytesAsync(RepoPaths.Sample(relative));
            var result = await Ingest(bytes);
            if (result.Outcome == IngestOutcome.Stored)
            {
                stored++;
                var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), result.StudyInstanceUid!, null, result.SopInstanceUid, CancellationToken.None));
                await using var served = await _retrieve.OpenAsync(instance, CancellationToken.None);
                var copy = new MemoryStream();
                await served.CopyToAsync(copy);
                Assert.Equal(bytes, copy.ToArray());
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(result.FailureReason), relative);
                // Some public samples reuse one Study Instance UID for differently anonymised patients: the conflict rule applies.
                Assert.True(result.Outcome is IngestOutcome.Duplicate or IngestOutcome.Conflict || relative.Contains("DICOMDIR", StringComparison.Ordinal)
                    || (relative.StartsWith("pydicom/palettes/", StringComparison.Ordinal) && result.FailureReason!.Contains("Study Instance UID", StringComparison.Ordinal)),
                    $"{relative}: {result.Outcome} {result.FailureReason}");
            }
        }

        Assert.True(stored > 100, $"only {stored} samples stored");
        Assert.Equal(stored, await BlobCount());
    }

    [Fact]
    public async Task An_instance_is_indexed_with_the_sha256_and_xxh3_of_its_bytes()
    {
        var bytes = TestInstances.Make("1.2.3.7", "1.2.3.7.1", "1.2.3.7.1.1");
        Assert.Equal(IngestOutcome.Stored, (await Ingest(bytes)).Outcome);

        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicA), "1.2.3.7", null, null, CancellationToken.None));

        Assert.Equal(bytes.Length, instance.BlobLength);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), instance.BlobSha256);
        Assert.Equal(Convert.ToHexStringLower(System.IO.Hashing.XxHash3.Hash(bytes)), instance.BlobXxh3);
    }

    [Fact]
    public async Task A_resent_identical_instance_is_a_duplicate_and_changes_nothing()
    {
        var bytes = TestInstances.Make("1.2.3.1", "1.2.3.1.1", "1.2.3.1.1.1");
        Assert.Equal(IngestOutcome.Stored, (await Ingest(bytes)).Outcome);

        var again = await Ingest(bytes);

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(0, again.DicomStatus);
        Assert.Equal(1, await BlobCount());
        var study = Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.StudyInstanceUID, "1.2.3.1")));
        Assert.Equal("1", study.GetString(DicomTags.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task A_run_completed_in_one_transaction_keeps_arrival_order_so_the_first_copy_wins_as_one_at_a_time()
    {
        var source = new IngestSource(ClinicA, IngestOrigin.Stow);
        byte[][] parts =
        [
            TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.1", patientId: "P1"),
            .. Enumerable.Range(2, 12).Select(i => TestInstances.Make("1.2.9.1", "1.2.9.1.1", $"1.2.9.1.1.{i}", patientId: "P1")),
            TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.1", patientId: "P1", pixelSeed: 9),
            TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.99", patientId: "P2"),
            [0x01, 0x02, 0x03],
            TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.2", patientId: "P1"),
        ];
        var staged = new List<StagedInstance>();
        foreach (var part in parts)
        {
            staged.Add(await _ingest.StageAsync(source, new MemoryStream(part), null, CancellationToken.None));
        }

        var results = await _ingest.CompleteAsync(staged, CancellationToken.None);

        Assert.Equal(parts.Length, results.Count);
        Assert.All(results.Take(13), r => Assert.Equal(IngestOutcome.Stored, r.Outcome));
        Assert.Equal(IngestOutcome.Conflict, results[13].Outcome);
        Assert.Equal(IngestOutcome.Conflict, results[14].Outcome);
        Assert.Equal(IngestStatus.CannotUnderstand, results[15].DicomStatus);
        Assert.Equal(IngestOutcome.Duplicate, results[16].Outcome);
        Assert.Equal(13, await BlobCount());
        await using var stored = await _retrieve.OpenAsync((await _retrieve.ListInstancesAsync(ArchiveAccess.All, "1.2.9.1", null, "1.2.9.1.1.1", CancellationToken.None)).Single(), CancellationToken.None);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(parts[0], copy.ToArray());
        Assert.Equal("13", Assert.Single(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.9.1"))).GetString(DicomTags.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task A_part_that_breaks_mid_stream_leaves_nothing_and_a_discarded_run_leaves_nothing_either()
    {
        var source = new IngestSource(ClinicA, IngestOrigin.Stow);
        var first = await _ingest.StageAsync(source, new MemoryStream(TestInstances.Make("1.2.9.2", "1.2.9.2.1", "1.2.9.2.1.1")), null, CancellationToken.None);
        var broken = new BreakingStream(TestInstances.Make("1.2.9.2", "1.2.9.2.1", "1.2.9.2.1.2"), breakAt: 100);

        await Assert.ThrowsAsync<IOException>(() => _ingest.StageAsync(source, broken, null, CancellationToken.None));
        Assert.Equal(IngestOutcome.Stored, Assert.Single(await _ingest.CompleteAsync([first], CancellationToken.None)).Outcome);

        var abandoned = await _ingest.StageAsync(source, new MemoryStream(TestInstances.Make("1.2.9.2", "1.2.9.2.1", "1.2.9.2.1.3")), null, CancellationToken.None);
        await abandoned.DiscardAsync();

        Assert.Equal(1, await BlobCount());
        Assert.Equal("1", Assert.Single(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.9.2"))).GetString(DicomTags.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task Different_content_under_a_stored_uid_or_another_patient_for_a_study_is_a_conflict_and_keeps_the_stored_data()
    {
        await Ingest(TestInstances.Make("1.2.4.1", "1.2.4.1.1", "1.2.4.1.1.1", patientId: "P1"));

        var changedPixels = await Ingest(TestInstances.Make("1.2.4.1", "1.2.4.1.1", "1.2.4.1.1.1", patientId: "P1", pixelSeed: 9));
        var otherPatient = await Ingest(TestInstances.Make("1.2.4.1", "1.2.4.1.1", "1.2.4.1.1.2", patientId: "P2"));

        Assert.Equal(IngestOutcome.Conflict, changedPixels.Outcome);
        Assert.Equal(IngestOutcome.Conflict, otherPatient.Outcome);
        Assert.Equal(IngestStatus.Conflict, otherPatient.DicomStatus);
        Assert.Equal(1, await BlobCount());
        Assert.Equal("P1", Assert.Single(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.4.1"))).GetString(DicomTags.PatientID));
    }

    [Fact]
    public async Task A_stream_that_breaks_mid_transfer_leaves_no_blob_and_no_index_row()
    {
        var bytes = TestInstances.Make("1.2.5.1", "1.2.5.1.1", "1.2.5.1.1.1");

        await Assert.ThrowsAsync<IOException>(() => _ingest.IngestAsync(new IngestSource(ClinicA, IngestOrigin.Dimse), new BreakingStream(bytes, bytes.Length / 2), CancellationToken.None));

        Assert.Equal(0, await BlobCount());
        Assert.Empty(await Studies(ArchiveAccess.All, (DicomTags.StudyInstanceUID, "1.2.5.1")));
    }

    [Fact]
    public async Task Garbage_and_truncated_headers_are_refused_with_cannot_understand()
    {
        var garbage = await Ingest("this is not DICOM at all, just text"u8.ToArray());
        var bytes = TestInstances.Make("1.2.6.1", "1.2.6.1.1", "1.2.6.1.1.1");
        var truncated = await Ingest(bytes.AsSpan(0, 200).ToArray());

        Assert.Equal(IngestOutcome.Rejected, garbage.Outcome);
        Assert.Equal(IngestStatus.CannotUnderstand, garbage.DicomStatus);
        Assert.Equal(IngestOutcome.Rejected, truncated.Outcome);
        Assert.Equal(0, await BlobCount());
    }

    [Fact]
    public async Task A_bare_data_set_from_c_store_is_stored_as_a_part10_file()
    {
        var file = DicomFile.Open(new MemoryStream(TestInstances.Make("1.2.7.1", "1.2.7.1.1", "1.2.7.1.1.1")));
        var bare = new MemoryStream();
        Teleread.Dicom.IO.DicomWriter.WriteDataset(bare, file.Dataset, DicomTransferSyntax.ImplicitVRLittleEndian);
        bare.Position = 0;

        var result = await _ingest.IngestDatasetAsync(new IngestSource(ClinicA, IngestOrigin.Dimse, "MODALITY1"), bare,
            DicomTransferSyntax.ImplicitVRLittleEndian.Uid, "1.2.840.10008.5.1.4.1.1.2", "1.2.7.1.1.1", CancellationToken.None);

        Assert.Equal(IngestOutcome.Stored, result.Outcome);
        var instance = Assert.Single(await _retrieve.ListInstancesAsync(ArchiveAccess.All, "1.2.7.1", null, null, CancellationToken.None));
        await using var stream = await _retrieve.OpenAsync(instance, CancellationToken.None);
        var stored = DicomFile.Open(stream);
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian.Uid, stored.TransferSyntax.Uid);
        Assert.Equal("MODALITY1", stored.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal("Doe^John", stored.Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public async Task A_clinic_never_sees_another_clinics_studies_through_any_path()
    {
        await Ingest(TestInstances.Make("1.2.8.1", "1.2.8.1.1", "1.2.8.1.1.1"), ClinicA);
        await Ingest(TestInstances.Make("1.2.8.2", "1.2.8.2.1", "1.2.8.2.1.1"), ClinicB);

        Assert.Empty(await Studies(ArchiveAccess.Clinic(ClinicB), (DicomTags.StudyInstanceUID, "1.2.8.1")));
        Assert.Empty(await Query(ArchiveAccess.Clinic(ClinicB), QueryLevel.Image, false, (DicomTags.SOPInstanceUID, "1.2.8.1.1.1")));
        Assert.Empty(await _retrieve.ListInstancesAsync(ArchiveAccess.Clinic(ClinicB), "1.2.8.1", null, null, CancellationToken.None));
        Assert.Empty(await _retrieve.ListInstancesAsync(new ArchiveAccess([]), "1.2.8.1", null, null, CancellationToken.None));
        Assert.All(await Studies(ArchiveAccess.Clinic(ClinicB)), s => Assert.Equal("1.2.8.2", s.GetString(DicomTags.StudyInstanceUID)));
        var granted = new ArchiveAccess([], [(ClinicA, "1.2.8.1")]);
        Assert.Equal("1.2.8.1", Assert.Single(await Studies(granted)).GetString(DicomTags.StudyInstanceUID));
    }

    [Fact]
    public async Task Find_instances_by_sop_instance_uid_returns_only_the_callers_stored_ones()
    {
        await Ingest(TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.1"), ClinicA);
        await Ingest(TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.2"), ClinicA);
        await Ingest(TestInstances.Make("1.2.9.2", "1.2.9.2.1", "1.2.9.2.1.1"), ClinicB);
        string[] asked = ["1.2.9.1.1.1", "1.2.9.1.1.2", "1.2.9.2.1.1", "1.2.9.9.9.9", "1.2.9.1.1.1"];

        var mine = await _retrieve.FindInstancesAsync(ArchiveAccess.Clinic(ClinicA), asked, CancellationToken.None);
        var all = await _retrieve.FindInstancesAsync(ArchiveAccess.All, asked, CancellationToken.None);

        Assert.Equal(["1.2.9.1.1.1", "1.2.9.1.1.2"], mine.Select(i => i.SopInstanceUid).Order(StringComparer.Ordinal));
        Assert.Equal(3, all.Count);
    }

    [Theory]
    [InlineData("YAMADA*")]
    [InlineData("yamada^tarou")]
    [InlineData("山田*")]
    [InlineData("やまだ^たろう")]
    [InlineData("ヤマダ*")]
    public async Task Japanese_names_match_by_any_component_group(string key)
    {
        await Ingest(TestInstances.Make("1.2.9.1", "1.2.9.1.1", "1.2.9.1.1.1", patientName: "Yamada^Tarou=山田^太郎=やまだ^たろう"));
        await Ingest(TestInstances.Make("1.2.9.2", "1.2.9.2.1", "1.2.9.2.1.1", patientId: "P9", patientName: "Suzuki^Hanako=鈴木^花子=すずき^はなこ"));

        var match = Assert.Single(await Studies(ArchiveAccess.Clinic(ClinicA), (DicomTags.PatientName, key)));

        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", match.GetString(DicomTags.PatientName));
    }

    [Fact]
    public async Task Fuzzy_matching_finds_a_name_by_the_start_of_any_component()
    {
        await Ingest(TestInstances.Make("1.2.10.1", "1.2.10.1.1", "1.2.10.1.1.1", patientName: "Yamada^Tarou=山田^太郎=やまだ^たろう"));

        Assert.Empty(await Query(ArchiveAccess.Clinic(ClinicA), QueryLevel.Study, false, (DicomTags.PatientName, "tar")));
        Assert.Single(await Query(ArchiveAccess.Clinic(ClinicA), QueryLevel.Study, true, (DicomTags.PatientName, "tar")));
        Assert.Single(await Query(ArchiveAccess.Clinic(ClinicA), QueryLevel.Study, true, (DicomTags.PatientName, "太")));
    }

    [Fact]
    public async Task Dates_ranges_wildcards_modalities_uid_lists_limit_and_offset_match_as_ps3_4_says()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Ingest(TestInstances.Make($"1.2.11.{i}", $"1.2.11.{i}.1", $"1.2.11.{i}.1.1", patientId: $"P{i}", studyDate: $"2026010{i}",
                modality: i % 2 == 0 ? "MR" : "CT", accession: $"ACC{i}0"));
        }

        var a = ArchiveAccess.Clinic(ClinicA);
        Assert.Equal(3, (await Studies(a, (DicomTags.StudyDate, "20260102-20260104"))).Count);
        Assert.Equal(2, (await Studies(a, (DicomTags.StudyDate, "20260104-"))).Count);
        Assert.Equal(2, (await Studies(a, (DicomTags.StudyDate, "-20260102"))).Count);
        Assert.Single(await Studies(a, (DicomTags.StudyDate, "20260103")));
        Assert.Equal(5, (await Studies(a, (DicomTags.AccessionNumber, "ACC?0"))).Count);
        Assert.Empty(await Studies(a, (DicomTags.AccessionNumber, "acc*")));
        Assert.Equal(2, (await Studies(a, (DicomTags.ModalitiesInStudy, "MR"))).Count);
        Assert.Equal(2, (await Studies(a, (DicomTags.StudyInstanceUID, "1.2.11.1\\1.2.11.5"))).Count);
        var all = await Studies(a);
        Assert.Equal("20260105", all[0].GetString(DicomTags.StudyDate));
        var page = await _query.QueryAsync(a, new StudyQuery { Limit = 2, Offset = 2 }, CancellationToken.None);
        Assert.Equal(["20260103", "20260102"], page.Select(s => s.GetString(DicomTags.StudyDate)));
        var series = await Query(a, QueryLevel.Series, false, (DicomTags.Modality, "CT"));
        Assert.Equal(3, series.Count);
        Assert.All(series, s => Assert.Equal("1", s.GetString(DicomTags.NumberOfSeriesRelatedInstances)));
    }

    private sealed class BreakingStream(byte[] data, int breakAt) : MemoryStream(data)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAt)
            {
                throw new IOException("connection reset by peer");
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAt - Position)], cancellationToken);
        }
    }
}
