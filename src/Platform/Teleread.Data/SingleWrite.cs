using System.Data;
using System.Data.Common;

namespace Teleread.Data;

/// <summary>A read-write unit of work in a transaction of its own: the default of <see cref="IDatabase.RunWriteAsync{T}"/>.</summary>
public static class SingleWrite
{
    public static async Task<T> RunAsync<T>(IDatabase db, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        using var turn = await db.WaitForWriteTurnAsync(ct).ConfigureAwait(false);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        var result = await work(connection, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }
}
