using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Teleread.Data.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writers wait on each other through busy_timeout
/// and the unit-of-work retry; readers never block writers.
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    private readonly string _connectionString;
    private int _initialised;

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
    }

    public string Path { get; }

    public SqlDialectKind Dialect => SqlDialectKind.Sqlite;

    public string Description => $"sqlite:{Path}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Interlocked.Exchange(ref _initialised, 1) == 0
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;"
            : "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };
}
