using System.Data.Common;

namespace Teleread.Data;

/// <summary>Read-only and read-write units of work, retried on transient conflicts (convention 11).</summary>
public static class DatabaseExtensions
{
    private const int MaxAttempts = 6;

    public static async Task<T> ReadAsync<T>(this IDatabase db, Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
                return await work(connection).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < MaxAttempts && db.IsTransient(ex))
            {
                await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    public static async Task<T> WriteAsync<T>(this IDatabase db, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.RunWriteAsync(work, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < MaxAttempts && db.IsTransient(ex))
            {
                await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    public static Task WriteAsync(this IDatabase db, Func<DbConnection, DbTransaction, Task> work, CancellationToken ct) =>
        db.WriteAsync<bool>(async (c, t) => { await work(c, t).ConfigureAwait(false); return true; }, ct);

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 10 * (1 << attempt)) + Random.Shared.Next(0, 10));
}
