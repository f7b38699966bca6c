using System.Data.Common;
using Teleread.Data;

namespace Teleread.Server.Tests.Archive;

/// <summary>
/// The server's database with a gate: <see cref="RunBeforeNextWriteAsync{T}"/> runs a test's action once, just before the first
/// read-write unit of work that <c>work</c> (and only its own call flow, not the server's background services or request
/// handlers) begins — where another process would commit between what <c>work</c> read earlier and what it writes now.
/// </summary>
public sealed class WriteGateDatabase(IDatabase inner) : IDatabase
{
    private readonly AsyncLocal<Func<Task>?> _action = new();
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public SqlDialectKind Dialect => inner.Dialect;

    public string Description => inner.Description;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public bool IsTransient(Exception exception) => inner.IsTransient(exception);

    public async Task<T> RunBeforeNextWriteAsync<T>(Func<Task> action, Func<Task<T>> work)
    {
        _action.Value = action;
        return await work();
    }

    public async ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken cancellationToken)
    {
        if (_action.Value is { } action && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await action();
        }

        return await inner.WaitForWriteTurnAsync(cancellationToken);
    }

    /// <summary>Registers the gate over the database the server registered (call from a test's service customisation).</summary>
    public static WriteGateDatabase Replace(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        var gate = new WriteGateDatabase((IDatabase)services.Last(d => d.ServiceType == typeof(IDatabase)).ImplementationInstance!);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IDatabase>(services, gate);
        return gate;
    }
}
