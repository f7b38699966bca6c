using System.Data.Common;
using Dapper;
using Teleread.Data;
using Teleread.Data.Sqlite;

namespace Teleread.Archive.Tests.Index;

/// <summary>Units of work that arrive while another commits are committed together, each with the outcome it would have alone.</summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _file = new("teleread-group");
    private SqliteDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = new SqliteDatabase(_file.Path);
        await _db.WriteAsync((c, t) => c.ExecuteAsync("CREATE TABLE t (k INTEGER PRIMARY KEY)", transaction: t), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writers_arriving_while_a_batch_commits_are_committed_together_in_one_transaction()
    {
        var (first, release) = await HoldTheLeadAsync();

        // Each call queues its unit before it returns (nothing is awaited before the queue), so all ten wait for one batch.
        var writers = Enumerable.Range(1, 10).Select(k => _db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (k) VALUES (@k)", new { k }, t);
            return c;
        }, CancellationToken.None)).ToList();
        release.SetResult();
        await first;
        var connections = await Task.WhenAll(writers);

        Assert.Single(connections.Distinct());
        Assert.Equal(Enumerable.Range(0, 11), await KeysAsync());
    }

    [Fact]
    public async Task A_writer_whose_work_throws_is_rolled_back_alone_and_the_others_of_its_batch_commit()
    {
        var (first, release) = await HoldTheLeadAsync();

        var before = Insert(1);
        var failing = _db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (k) VALUES (2)", transaction: t);
            throw new InvalidOperationException("refused after writing");
        }, CancellationToken.None);
        var after = Insert(3);
        release.SetResult();
        await first;

        await before;
        await after;
        Assert.Equal("refused after writing", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal([0, 1, 3], await KeysAsync());
    }

    [Fact]
    public async Task A_writer_cancelled_while_it_waits_for_its_batch_is_not_run()
    {
        var (first, release) = await HoldTheLeadAsync();
        using var cancel = new CancellationTokenSource();

        var cancelled = _db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO t (k) VALUES (5)", transaction: t), cancel.Token);
        var kept = Insert(6);
        await cancel.CancelAsync();
        release.SetResult();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await kept;
        Assert.Equal([0, 6], await KeysAsync());
    }

    [Fact]
    public async Task Writers_keep_committing_when_many_arrive_at_once_from_many_threads()
    {
        var writers = Enumerable.Range(1, 200).Select(k => Task.Run(() => Insert(k))).ToList();
        await Task.WhenAll(writers);
        Assert.Equal(Enumerable.Range(1, 200), await KeysAsync());
    }

    // A unit that leads a batch and waits inside it until released; the units queued meanwhile form the next batch.
    private async Task<(Task First, TaskCompletionSource Release)> HoldTheLeadAsync()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _db.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (k) VALUES (0)", transaction: t);
            entered.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return (first, release);
    }

    private Task Insert(int k) => _db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO t (k) VALUES (@k)", new { k }, t), CancellationToken.None);

    private async Task<List<int>> KeysAsync() =>
        [.. await _db.ReadAsync(c => c.QueryAsync<int>("SELECT k FROM t ORDER BY k"), CancellationToken.None)];
}
