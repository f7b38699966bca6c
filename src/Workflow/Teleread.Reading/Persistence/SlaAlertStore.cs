using System.Data.Common;
using Dapper;
using Teleread.Data;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

public sealed class SlaAlertStore(IDatabase db)
{
    public static Task InsertAsync(DbConnection c, DbTransaction t, SlaAlert a, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reading_alerts (id, request_id, clinic_id, at, step, action, message) VALUES (@Id, @RequestId, @ClinicId, @At, @Step, @Action, @Message)",
            new { Id = a.Id.ToString(), RequestId = a.RequestId.ToString(), a.ClinicId, At = UnixTime.ToDb(a.At), Step = a.Step.ToString(), Action = a.Action.ToString(), a.Message },
            t, cancellationToken: ct));

    /// <summary>Alerts newest first, optionally for one request.</summary>
    public Task<IReadOnlyList<SlaAlert>> ListAsync(Guid? requestId, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<SlaAlert>>(async c =>
            (await c.QueryAsync<AlertRow>(new CommandDefinition(
                "SELECT id AS Id, request_id AS RequestId, clinic_id AS ClinicId, at AS At, step AS Step, action AS Action, message AS Message FROM reading_alerts"
                + (requestId is null ? "" : " WHERE request_id = @RequestId") + " ORDER BY at DESC LIMIT @Limit",
                new { RequestId = requestId?.ToString(), Limit = limit }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(r => new SlaAlert(Guid.Parse(r.Id), Guid.Parse(r.RequestId), r.ClinicId, UnixTime.FromDb(r.At),
                Enum.Parse<EscalationStep>(r.Step), Enum.Parse<EscalationAction>(r.Action), r.Message)).ToList(), ct);

    private sealed record AlertRow(string Id, string RequestId, string ClinicId, long At, string Step, string Action, string Message);
}
