using Dapper;
using Teleread.Data;

namespace Teleread.Server.Health;

public sealed class DatabaseReadinessCheck(IDatabase db) : IReadinessCheck
{
    public string Name => "database";

    public Task CheckAsync(CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: ct)), ct);
}
