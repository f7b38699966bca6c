using Dapper;
using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

/// <summary>Statements run through the SQLite writer's statement cache are compiled once and re-bound correctly every time.</summary>
public sealed class CachedStatementsTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO t (k, name, size) VALUES (@K, @Name, @Size)";
    private readonly TemporarySqliteFile _file = new("teleread-cached");
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = new SqliteDatabase(_file.Path);
        await _db.WriteAsync((c, t) => c.ExecuteAsync("CREATE TABLE t (k INTEGER PRIMARY KEY, name TEXT, size INTEGER)", transaction: t), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_writer_keeps_one_prepared_command_per_statement_and_binds_each_run_s_values()
    {
        var caches = new HashSet<StatementCache>();
        for (var k = 1; k <= 50; k++)
        {
            var row = new { K = k, Name = k % 3 == 0 ? null : $"n{k}", Size = k % 5 == 0 ? (long?)null : k * 1000L };
            await _db.WriteAsync(async (c, t) =>
            {
                Assert.Equal(1, await c.ExecuteCachedAsync(Insert, row, t, CancellationToken.None));
                caches.Add(StatementCache.Of(c)!);
            }, CancellationToken.None);
        }

        var cache = Assert.Single(caches);
        Assert.Equal(1, cache.Count); // one prepared command for the fifty runs (the CREATE TABLE ran through Dapper)
        var rows = await RowsAsync();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(r.K % 3 == 0 ? null : $"n{r.K}", r.Name);
            Assert.Equal(r.K % 5 == 0 ? null : r.K * 1000L, r.Size);
        });
    }

    [Fact]
    public async Task A_statement_that_fails_is_prepared_anew_and_the_next_run_succeeds()
    {
        await _db.WriteAsync((c, t) => c.ExecuteCachedAsync(Insert, new { K = 1, Name = "first", Size = 1L }, t, CancellationToken.None), CancellationToken.None);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            _db.WriteAsync((c, t) => c.ExecuteCachedAsync(Insert, new { K = 1, Name = "again", Size = 2L }, t, CancellationToken.None), CancellationToken.None));
        await _db.WriteAsync((c, t) => c.ExecuteCachedAsync(Insert, new { K = 2, Name = "second", Size = 3L }, t, CancellationToken.None), CancellationToken.None);

        Assert.Equal([(1L, "first", 1L), (2L, "second", 3L)], (await RowsAsync()).Select(r => (r.K, r.Name, r.Size)));
    }

    [Fact]
    public async Task The_same_statement_binds_parameter_objects_of_different_types()
    {
        await _db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteCachedAsync(Insert, new { K = 1, Name = "int size", Size = 7 }, t, CancellationToken.None);
            await c.ExecuteCachedAsync(Insert, new { Size = 8L, K = 2L, Name = "long size, other order", Unused = "x" }, t, CancellationToken.None);
            await c.ExecuteCachedAsync(Insert, new { K = 3, Name = "int size again", Size = 9 }, t, CancellationToken.None);
        }, CancellationToken.None);

        Assert.Equal([(1L, "int size", 7L), (2L, "long size, other order", 8L), (3L, "int size again", 9L)], (await RowsAsync()).Select(r => (r.K, r.Name, r.Size)));
    }

    [Fact]
    public async Task A_connection_without_a_cache_runs_fresh_commands_and_reads_rows()
    {
        await using var c = await _db.OpenAsync(CancellationToken.None);
        Assert.Null(StatementCache.Of(c));
        await using (var t = await c.BeginTransactionAsync())
        {
            await c.ExecuteCachedAsync(Insert, new { K = 4, Name = "plain", Size = 40L }, t, CancellationToken.None);
            var found = await c.QueryFirstCachedAsync("SELECT name, size FROM t WHERE k = @K", new { K = 4 }, t, r => (r.GetString(0), r.GetInt64(1)), CancellationToken.None);
            var missing = await c.QueryFirstCachedAsync("SELECT name, size FROM t WHERE k = @K", new { K = 5 }, t, r => (r.GetString(0), r.GetInt64(1)), CancellationToken.None);
            await t.CommitAsync();
            Assert.Equal(("plain", 40L), found);
            Assert.Null(missing);
        }

        Assert.Null(StatementCache.Of(c));
    }

    private async Task<List<Row>> RowsAsync() =>
        (await _db.ReadAsync(async c => (await c.QueryAsync<Row>("SELECT k AS K, name AS Name, size AS Size FROM t ORDER BY k")).ToList(), CancellationToken.None));

    private sealed class Row
    {
        public long K { get; set; }
        public string? Name { get; set; }
        public long? Size { get; set; }
    }
}
