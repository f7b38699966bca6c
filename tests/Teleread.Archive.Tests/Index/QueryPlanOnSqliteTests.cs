using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

public sealed class QueryPlanOnSqliteTests : QueryPlanContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"teleread-plans-{Guid.NewGuid():N}.db");

    protected override Task<IDatabase> CreateDatabaseAsync() => Task.FromResult<IDatabase>(new SqliteDatabase(_path));

    // A new SqliteDatabase runs PRAGMA optimize on its first connection, as the server does after a restart.
    protected override Task<IDatabase> ReopenAsync(IDatabase seeded) => Task.FromResult<IDatabase>(new SqliteDatabase(_path));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(f);
        }

        return Task.CompletedTask;
    }

    // "SCAN st" reads the table; "SCAN st USING INDEX …" or "SEARCH st USING …" do not.
    protected override bool IsFullScan(string planLine) =>
        planLine.StartsWith("SCAN st", StringComparison.Ordinal) && !planLine.Contains("INDEX", StringComparison.Ordinal);
}
