using System.Diagnostics;
using Teleread.Archive.Index;
using Teleread.Archive.Query;
using Teleread.Data;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

/// <summary>
/// The common QIDO-RS / C-FIND study searches use an index at scale (20,000 studies in two clinics, seeded with the bulk
/// loader), on SQLite and PostgreSQL (subclasses). Plans are asserted, not latencies; the time bound is only a generous
/// guard against a plan that reads the whole table, so a loaded CI machine does not make it flaky.
/// </summary>
public abstract class QueryPlanContract : IAsyncLifetime
{
    private const int Studies = 20_000;
    private static readonly string[] Clinics = ["clinic-a", "clinic-b"];

    private StudyQueryService _query = null!;

    protected abstract Task<IDatabase> CreateDatabaseAsync();

    /// <summary>A database as the server sees it after a load: a new connection source, statistics refreshed.</summary>
    protected abstract Task<IDatabase> ReopenAsync(IDatabase seeded);

    protected abstract Task DropDatabaseAsync();

    /// <summary>A plan line that reads the whole studies table.</summary>
    protected abstract bool IsFullScan(string planLine);

    public async Task InitializeAsync()
    {
        var db = await CreateDatabaseAsync();
        await new MigrationRunner(db, [ArchiveMigrations.Source]).ApplyAsync(CancellationToken.None);
        var loader = new ArchiveIndexBulkLoader(db, TimeProvider.System);
        for (var first = 0; first < Studies; first += 5_000)
        {
            await loader.LoadAsync(SyntheticIndex.Studies(Clinics, first, 5_000), "test", CancellationToken.None);
        }

        _query = new StudyQueryService(await ReopenAsync(db));
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    private static readonly (string Shape, (DicomTag Tag, string Value)[] Keys, string Index)[] Searches =
    [
        ("patient id", [(DicomTags.PatientID, SyntheticIndex.PatientId(1234))], "ix_archive_studies_patient"),
        ("accession", [(DicomTags.AccessionNumber, SyntheticIndex.AccessionNumber(4242))], "ix_archive_studies_accession"),
        ("study uid", [(DicomTags.StudyInstanceUID, SyntheticIndex.StudyUid(4244))], "archive_studies"),
        ("full name", [(DicomTags.PatientName, "YAMADA^TARO")], "ix_archive_studies_pn_"),
        ("full name + year", [(DicomTags.PatientName, "YAMADA^TARO"), (DicomTags.StudyDate, "20200101-20201231")], "ix_archive_studies_pn_"),
        ("name prefix", [(DicomTags.PatientName, "YAMADA^TA*")], "ix_archive_studies_pn_a"),
        ("kanji prefix", [(DicomTags.PatientName, "山田^太*")], "ix_archive_studies_pn_i"),
        ("date range + modality", [(DicomTags.StudyDate, "20200101-20200331"), (DicomTags.ModalitiesInStudy, "CT")], "ix_archive_studies_date"),
    ];

    [Fact]
    public async Task Clinic_scoped_study_searches_use_an_index()
    {
        var access = ArchiveAccess.Clinic(Clinics[0]);
        var failures = new List<string>();
        foreach (var (shape, keys, index) in Searches)
        {
            var query = new StudyQuery { Limit = 25 };
            foreach (var (tag, value) in keys)
            {
                query.Keys[tag] = value;
            }

            var plan = await _query.ExplainAsync(access, query, CancellationToken.None);
            var text = string.Join(" / ", plan);
            var clock = Stopwatch.StartNew();
            var matches = await _query.QueryAsync(access, query, CancellationToken.None);
            if (plan.Any(IsFullScan) || !text.Contains(index, StringComparison.Ordinal) || matches.Count == 0 || clock.Elapsed > TimeSpan.FromSeconds(2))
            {
                failures.Add($"{shape}: {matches.Count} matches in {clock.Elapsed.TotalMilliseconds:F0} ms, expected {index}; plan: {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
