using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

public sealed class QueryPlanOnSqliteTests : QueryPlanContract
{
    private readonly TemporarySqliteFile _file = new("teleread-plans");

    protected override Task<IDatabase> CreateDatabaseAsync() => Task.FromResult<IDatabase>(new SqliteDatabase(_file.Path));

    // A new SqliteDatabase runs PRAGMA optimize on its first connection, as the server does after a restart.
    protected override Task<IDatabase> ReopenAsync(IDatabase seeded) => Task.FromResult<IDatabase>(new SqliteDatabase(_file.Path));

    protected override Task DropDatabaseAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    // "SCAN st" reads the table; "SCAN st USING INDEX …" or "SEARCH st USING …" do not.
    protected override bool IsFullScan(string planLine) =>
        planLine.StartsWith("SCAN st", StringComparison.Ordinal) && !planLine.Contains("INDEX", StringComparison.Ordinal);
}
