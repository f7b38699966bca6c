using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

public sealed class ArchiveOnSqliteTests : ArchiveContract
{
    private string _path = "";

    protected override Task<IDatabase> CreateDatabaseAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"teleread-archive-{Guid.NewGuid():N}.db");
        return Task.FromResult<IDatabase>(new SqliteDatabase(_path));
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(f);
        }

        return Task.CompletedTask;
    }
}
