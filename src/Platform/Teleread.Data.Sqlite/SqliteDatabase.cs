using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Teleread.Data.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writers of this process take turns in memory
/// (<see cref="WaitForWriteTurnAsync"/>), and units of work that arrive together commit together
/// (<see cref="SqliteGroupCommit"/>: one WAL fsync for the batch); another process's writers are waited for through
/// busy_timeout and the unit-of-work retry; readers never block writers.
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    /// <summary>How often a unit of work also refreshes the planner's statistics (cheap: nothing happens unless tables changed a lot).</summary>
    private const long OptimizeIntervalMs = 10 * 60 * 1000;

    // Without statistics SQLite's planner walks the study-date index for every search, even by Patient ID, so
    // PRAGMA optimize runs on the first connection and then every ten minutes; it analyses only tables that changed
    // ten-fold, and analysis_limit bounds each ANALYZE (0.5 s on 100,000 studies with 900,000 instances; 400 rows
    // gave estimates too coarse to pick the person-name indexes).
    private const string Optimize = " PRAGMA analysis_limit=20000; PRAGMA optimize=0x10002;";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly ConditionalWeakTable<object, object> _configuredHandles = new();
    private readonly SqliteGroupCommit _groupCommit;
    private int _initialised;
    private long _nextOptimizeAt;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _groupCommit = new SqliteGroupCommit(OpenAsync, _writeTurn);
    }

    public string Path { get; }

    public SqlDialectKind Dialect => SqlDialectKind.Sqlite;

    public string Description => $"sqlite:{Path}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // journal_mode is the database's (set once); synchronous, busy_timeout and foreign_keys are each physical
        // connection's, kept while the pool keeps it, so they are set once per handle rather than on every unit of work.
        // synchronous=FULL makes every commit durable before it returns (an acknowledged instance's index row survives
        // a power cut, not only its blob).
        var fresh = !_configuredHandles.TryGetValue(connection.Handle!, out _);
        var sql = (fresh && Interlocked.Exchange(ref _initialised, 1) == 0 ? "PRAGMA journal_mode=WAL; " : "")
            + (fresh ? "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;" : "") + (OptimizeDue() ? Optimize : "");
        if (sql.Length > 0)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _configuredHandles.AddOrUpdate(connection.Handle!, this);
        }

        return connection;
    }

    public async ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken)
    {
        await _writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(_writeTurn);
    }

    public Task<T> RunWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _groupCommit.RunAsync(work, cancellationToken);

    private bool OptimizeDue()
    {
        var now = Environment.TickCount64;
        var due = Volatile.Read(ref _nextOptimizeAt);
        return now >= due && Interlocked.CompareExchange(ref _nextOptimizeAt, now + OptimizeIntervalMs, due) == due;
    }

    public bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };

    private sealed class WriteTurn(SemaphoreSlim turn) : IDisposable
    {
        private SemaphoreSlim? _turn = turn;

        public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Release();
    }
}
