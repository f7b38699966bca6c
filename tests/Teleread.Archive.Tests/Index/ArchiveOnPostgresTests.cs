using Teleread.Data;
using Teleread.Data.Postgres;
using Teleread.Testing;

namespace Teleread.Archive.Tests.Index;

public sealed class ArchiveOnPostgresTests : ArchiveContract
{
    private PostgresTestDatabase? _pg;
    private PostgresDatabase? _db;

    protected override async Task<IDatabase> CreateDatabaseAsync()
    {
        _pg = await PostgresTestDatabase.CreateAsync();
        _db = new PostgresDatabase(_pg.ConnectionString);
        return _db;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        if (_pg is not null)
        {
            await _pg.DisposeAsync();
        }
    }
}
