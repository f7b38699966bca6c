using System.Data.Common;
using Teleread.Data;

namespace Teleread.Reading.Tests.Persistence;

/// <summary>
/// A database that runs a test's action once, just before the <c>n</c>-th read-write unit of work through it begins: the place
/// where another process's writer would commit between what a unit of work read earlier and what it writes now. Writers the action
/// runs must use the inner database (this one counts its own units of work only).
/// </summary>
public sealed class HookedDatabase(IDatabase inner, int beforeWrite, Func<Task> action) : IDatabase
{
    private int _writes;

    public bool Fired { get; private set; }

    public SqlDialectKind Dialect => inner.Dialect;

    public string Description => inner.Description;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public bool IsTransient(Exception exception) => inner.IsTransient(exception);

    public async ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _writes) == beforeWrite)
        {
            Fired = true;
            await action().ConfigureAwait(false);
        }

        return await inner.WaitForWriteTurnAsync(cancellationToken).ConfigureAwait(false);
    }
}
