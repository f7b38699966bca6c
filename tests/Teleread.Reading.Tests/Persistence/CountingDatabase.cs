using System.Data.Common;
using Teleread.Data;

namespace Teleread.Reading.Tests.Persistence;

/// <summary>A database that counts the connections opened through it: one per read or write unit of work (retries aside).</summary>
public sealed class CountingDatabase(IDatabase inner) : IDatabase
{
    private int _opened;

    public int Opened => Volatile.Read(ref _opened);

    public SqlDialectKind Dialect => inner.Dialect;

    public string Description => inner.Description;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opened);
        return inner.OpenAsync(cancellationToken);
    }

    public bool IsTransient(Exception exception) => inner.IsTransient(exception);
}
