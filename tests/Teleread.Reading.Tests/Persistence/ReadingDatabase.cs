using Teleread.Data;
using Teleread.Data.Sqlite;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Reading.Tests.Persistence;

/// <summary>A fresh SQLite file per test, migrated; <see cref="Reopen"/> simulates a process restart.</summary>
public sealed class ReadingDatabase : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teleread-reading-" + Guid.NewGuid().ToString("N"));

    private ReadingDatabase()
    {
        Db = new SqliteDatabase(Path.Combine(_dir, "teleread.db"));
    }

    public IDatabase Db { get; private set; }

    public static async Task<ReadingDatabase> CreateAsync()
    {
        var d = new ReadingDatabase();
        await new MigrationRunner(d.Db, [ReadingMigrations.Source]).ApplyAsync(CancellationToken.None);
        return d;
    }

    /// <summary>A new database object on the same file, as a restarted process would open it.</summary>
    public IDatabase Reopen()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Db = new SqliteDatabase(Path.Combine(_dir, "teleread.db"));
        return Db;
    }

    public ReadingService Service(TimeProvider clock, ReadingOptions? options = null) =>
        new(Db, clock, options ?? new ReadingOptions(), new AssignmentEngine(new AssignmentOptions()), EscalationPolicy.Default);

    public static Clinic Clinic(string id = "clinic-a", SlaTerms? sla = null, bool secondReading = false) =>
        new(id, "Sato Clinic", new ClinicContract("C-001", new DateOnly(2026, 1, 1), sla ?? SlaTerms.Standard24x7, secondReading, false),
            ["SATO_CT"], [new ClinicContact("Dr. Sato", "director", "03-0000-0000", "sato@example.jp")]);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the runtime is left in the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
