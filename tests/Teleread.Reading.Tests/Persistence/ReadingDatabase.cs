using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Data.Sqlite;
using Teleread.Reading.Application;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;
using Teleread.Testing;

namespace Teleread.Reading.Tests.Persistence;

/// <summary>
/// A fresh database per test — a SQLite file or a PostgreSQL database — migrated; <see cref="Reopen"/> simulates
/// a process restart by opening the same database through a new object.
/// </summary>
public sealed class ReadingDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teleread-reading-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresTestDatabase? _postgres;

    private ReadingDatabase(PostgresTestDatabase? postgres)
    {
        _postgres = postgres;
        Db = Open();
    }

    public IDatabase Db { get; private set; }

    public static TheoryData<string> Providers => new() { Sqlite, Postgres };

    public static async Task<ReadingDatabase> CreateAsync(string provider = Sqlite)
    {
        var d = new ReadingDatabase(provider == Postgres ? await PostgresTestDatabase.CreateAsync() : null);
        await new MigrationRunner(d.Db, [ReadingMigrations.Source]).ApplyAsync(CancellationToken.None);
        return d;
    }

    /// <summary>A new database object on the same database, as a restarted process would open it.</summary>
    public IDatabase Reopen()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Db = Open();
        return Db;
    }

    private IDatabase Open() => _postgres is null
        ? new SqliteDatabase(Path.Combine(_dir, "teleread.db"))
        : new PostgresDatabase(_postgres.ConnectionString);

    public ReadingService Service(TimeProvider clock, ReadingOptions? options = null) =>
        new(Db, clock, options ?? new ReadingOptions(), new AssignmentEngine(new AssignmentOptions()), EscalationPolicy.Default);

    /// <summary>A service on this database with the standard clinic and the given radiologists on file.</summary>
    public async Task<ReadingService> ServiceWithRadiologistsAsync(TimeProvider clock, params string[] radiologists)
    {
        var service = Service(clock);
        await service.Directory.UpsertClinicAsync(Clinic(), CancellationToken.None);
        foreach (var r in radiologists)
        {
            await service.Directory.UpsertRadiologistAsync(TestData.Radiologist(r), CancellationToken.None);
        }

        return service;
    }

    public static Clinic Clinic(string id = "clinic-a", SlaTerms? sla = null, bool secondReading = false) =>
        new(id, "Sato Clinic", new ClinicContract("C-001", new DateOnly(2026, 1, 1), sla ?? SlaTerms.Standard24x7, secondReading, false),
            ["SATO_CT"], [new ClinicContact("Dr. Sato", "director", "03-0000-0000", "sato@example.jp")]);

    public async ValueTask DisposeAsync()
    {
        if (Db is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the runtime is left in the temp folder.
        }
    }
}
