using System.Data.Common;
using Npgsql;

namespace Teleread.Data.Postgres;

/// <summary>PostgreSQL for scale: several stateless server nodes share it.</summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"postgres:{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public SqlDialectKind Dialect => SqlDialectKind.Postgres;

    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: "40001" or "40P01" } || (exception is NpgsqlException { IsTransient: true });

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
