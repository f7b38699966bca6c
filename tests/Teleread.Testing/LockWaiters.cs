using Dapper;
using Teleread.Data;
using Xunit;

namespace Teleread.Testing;

/// <summary>
/// PostgreSQL concurrency tests: waits until sessions of the test's database are waiting on a lock — the moment to let a
/// held transaction go, so the code under test is known to have run into it.
/// </summary>
public static class LockWaiters
{
    /// <summary>Returns once <paramref name="count"/> sessions wait on a lock, or once <paramref name="until"/> has ended (the code under test did not wait); fails after 20 s with <paramref name="failure"/>.</summary>
    public static async Task WaitForAsync(IDatabase db, string failure, int count = 1, Task? until = null)
    {
        // Its own connection: pg_stat_activity is read once per transaction.
        await using var watcher = await db.OpenAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (until is not { IsCompleted: true } && await watcher.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(10);
        }
    }
}
