using Teleread.Archive.Index;
using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

public sealed class QueryPlanOnPostgresTests : QueryPlanContract
{
    private PostgresTestDatabase? _pg;
    private PostgresDatabase? _db;

    protected override async Task<IDatabase> CreateDatabaseAsync()
    {
        _pg = await PostgresTestDatabase.CreateAsync();
        _db = new PostgresDatabase(_pg.ConnectionString);
        return _db;
    }

    // Autovacuum analyses a freshly loaded table within a minute; the test does it at once.
    protected override async Task<IDatabase> ReopenAsync(IDatabase seeded)
    {
        await new ArchiveIndexBulkLoader(seeded, TimeProvider.System).AnalyzeAsync(CancellationToken.None);
        return seeded;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        if (_pg is not null)
        {
            await _pg.DisposeAsync();
        }
    }

    protected override bool IsFullScan(string planLine) => planLine.Contains("Seq Scan on archive_studies", StringComparison.Ordinal);
}
