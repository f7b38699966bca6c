using System.Data.Common;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

/// <summary>SQLite's synchronous setting belongs to each connection, so every connection must make its commits durable, not only the first.</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Every_connection_commits_durably_in_wal_mode()
    {
        using var file = new TemporarySqliteFile("teleread-durability");
        var database = new SqliteDatabase(file.Path);
        var connections = new List<DbConnection>();
        for (var i = 0; i < 3; i++)
        {
            connections.Add(await database.OpenAsync(CancellationToken.None));
        }

        foreach (var connection in connections)
        {
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous"));
            await connection.DisposeAsync();
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
