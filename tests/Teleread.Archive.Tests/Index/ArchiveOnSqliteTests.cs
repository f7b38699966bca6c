using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

public sealed class ArchiveOnSqliteTests : ArchiveContract
{
    private readonly TemporarySqliteFile _file = new("teleread-archive");

    protected override Task<IDatabase> CreateDatabaseAsync() => Task.FromResult<IDatabase>(new SqliteDatabase(_file.Path));

    protected override Task DropDatabaseAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
