using System.Diagnostics;
using Teleread.Archive;
using Teleread.Archive.Index;
using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Data.Sqlite;
using Teleread.Testing;

namespace Teleread.Archive.Benchmarks;

/// <summary>Puts synthetic studies into the index (no DICOM files), 2,000 studies per transaction, then PostgreSQL's planner statistics.</summary>
internal static class IndexSeeder
{
    private const int StudiesPerTransaction = 2_000;

    public static async Task<int> RunAsync(string provider, string connection, IReadOnlyList<string> clinics, int studies)
    {
        IDatabase db = provider == "postgres" ? new PostgresDatabase(connection) : new SqliteDatabase(connection);
        await new MigrationRunner(db, [ArchiveMigrations.Source]).ApplyAsync(CancellationToken.None);
        var loader = new ArchiveIndexBulkLoader(db, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var instances = 0;
        for (var first = 0; first < studies; first += StudiesPerTransaction)
        {
            var batch = SyntheticIndex.Studies(clinics, first, Math.Min(StudiesPerTransaction, studies - first));
            instances += batch.Count;
            await loader.LoadAsync(batch, "bench", CancellationToken.None);
        }

        // PostgreSQL's autovacuum analyses a freshly loaded table within a minute; doing it now keeps the figures repeatable.
        // SQLite is left as a server finds it: SqliteDatabase refreshes statistics (PRAGMA optimize) on its first connection.
        if (db.Dialect == SqlDialectKind.Postgres)
        {
            await loader.AnalyzeAsync(CancellationToken.None);
        }

        Console.WriteLine($"seeded {studies} studies ({instances} instances) on {provider} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
