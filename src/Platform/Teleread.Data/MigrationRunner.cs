using System.Data.Common;
using Dapper;

namespace Teleread.Data;

/// <summary>Applies every module's pending migrations, each in its own transaction, recording them in schema_migrations.</summary>
public sealed class MigrationRunner(IDatabase db, IEnumerable<IMigrationSource> sources)
{
    public async Task<int> ApplyAsync(CancellationToken ct)
    {
        await db.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, version))",
                transaction: t, cancellationToken: ct)),
            ct).ConfigureAwait(false);

        var applied = 0;
        foreach (var source in sources)
        {
            foreach (var migration in source.GetMigrations(db.Dialect))
            {
                var done = await db.WriteAsync(async (c, t) =>
                {
                    var exists = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM schema_migrations WHERE module = @Module AND version = @Version",
                        new { migration.Module, migration.Version }, t, cancellationToken: ct)).ConfigureAwait(false);
                    if (exists > 0)
                    {
                        return false;
                    }

                    await ExecuteScriptAsync(c, t, migration.Sql, ct).ConfigureAwait(false);
                    await c.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@Module, @Version, @Name, @At)",
                        new { migration.Module, migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                        t, cancellationToken: ct)).ConfigureAwait(false);
                    return true;
                }, ct).ConfigureAwait(false);
                applied += done ? 1 : 0;
            }
        }

        return applied;
    }

    private static async Task ExecuteScriptAsync(DbConnection c, DbTransaction t, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
