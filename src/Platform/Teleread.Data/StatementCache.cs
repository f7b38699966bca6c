using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Teleread.Data;

/// <summary>
/// Prepared commands kept on one long-lived connection, keyed by their SQL text, so a statement run once per stored
/// instance is compiled once rather than every time (SQLite parses and plans the text anew for every new command:
/// 25–40 µs for an index insert, most of an ingest transaction's CPU). A provider attaches a cache to a connection it
/// keeps open (SQLite's group-commit writer); <see cref="CachedStatements"/> uses it when there is one and runs a fresh
/// command otherwise. Not thread-safe: the connection's owner runs one unit of work at a time on it, as a connection requires.
/// </summary>
public sealed class StatementCache : IDisposable
{
    // SQLite keeps each prepared statement's memory until it is finalised: a bounded set, cleared when full.
    private const int MaxStatements = 64;

    private static readonly ConditionalWeakTable<DbConnection, StatementCache> Attached = new();

    private readonly DbConnection _connection;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    private StatementCache(DbConnection connection) => _connection = connection;

    /// <summary>Gives <paramref name="connection"/> a cache for as long as it lives (dispose the cache before the connection).</summary>
    public static StatementCache Attach(DbConnection connection)
    {
        var cache = new StatementCache(connection);
        Attached.AddOrUpdate(connection, cache);
        return cache;
    }

    /// <summary>The cache attached to <paramref name="connection"/>, if any.</summary>
    public static StatementCache? Of(DbConnection connection) => Attached.TryGetValue(connection, out var cache) ? cache : null;

    public int Count => _commands.Count;

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters still bound to the previous run's values.</summary>
    internal DbCommand Get(string sql, out bool fresh)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            fresh = false;
            return command;
        }

        if (_commands.Count >= MaxStatements)
        {
            Clear();
        }

        command = _connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(sql, command);
        fresh = true;
        return command;
    }

    /// <summary>Drops a command whose run failed: it is prepared anew next time rather than reused in an unknown state.</summary>
    internal void Forget(string sql)
    {
        if (_commands.Remove(sql, out var command))
        {
            command.Dispose();
        }
    }

    public void Dispose()
    {
        Attached.Remove(_connection);
        Clear();
    }

    private void Clear()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
