using System.Data.Common;

namespace Teleread.Data;

/// <summary>
/// A source of open connections to one database. Providers (Sqlite, Postgres) implement it;
/// feature code uses <see cref="DatabaseExtensions.ReadAsync{T}"/> and <see cref="DatabaseExtensions.WriteAsync{T}"/>
/// so that every unit of work gets the dialect's retry rules.
/// </summary>
public interface IDatabase
{
    SqlDialectKind Dialect { get; }

    /// <summary>A short description without secrets, for logs and /readyz.</summary>
    string Description { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True when the error is worth retrying the whole unit of work (SQLite BUSY, PostgreSQL 40001/40P01).</summary>
    bool IsTransient(Exception exception);

    /// <summary>
    /// Waits for this process's turn to write, for a database that takes one writer at a time (SQLite): writers then
    /// queue in memory and are handed the lock at once, instead of meeting in the database and sleeping in its busy
    /// handler (1 ms and more per collision). Null when writers need no turn (PostgreSQL). Units of work never nest writes.
    /// </summary>
    ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>
    /// Runs one read-write unit of work in a transaction and commits it (one attempt; <see cref="DatabaseExtensions.WriteAsync{T}"/>
    /// retries). By default in a transaction of its own, after <see cref="WaitForWriteTurnAsync"/>. A database may commit
    /// units that arrive together in one transaction, each in a savepoint of its own (SQLite: one WAL fsync for all), with
    /// the same outcome for each as alone: its writes are committed with the others, or rolled back alone when its work throws.
    /// </summary>
    Task<T> RunWriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        SingleWrite.RunAsync(this, work, cancellationToken);
}
