using Dapper;
using Teleread.Data;

namespace Teleread.Identity;

/// <summary>The audit trail: append-only, queried by operators (all) and clinics (their own).</summary>
public sealed class AuditLog(IDatabase db)
{
    public Task WriteAsync(AuditEvent e, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_events (id, at, actor_user_id, actor_clinic_id, action, resource, outcome, remote_address, detail) " +
            "VALUES (@Id, @At, @ActorUserId, @ActorClinicId, @Action, @Resource, @Outcome, @RemoteAddress, @Detail)",
            new { Id = IdGenerator.New(), At = UnixTime.ToDb(e.At), e.ActorUserId, e.ActorClinicId, e.Action, e.Resource, e.Outcome, e.RemoteAddress, e.Detail },
            t, cancellationToken: ct)), ct);

    /// <summary>Newest first. A clinic caller only ever gets its own clinic's events.</summary>
    public Task<IReadOnlyList<AuditEvent>> QueryAsync(Caller caller, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<AuditEvent>>(async c =>
        {
            var sql = "SELECT at AS At, actor_user_id AS ActorUserId, actor_clinic_id AS ActorClinicId, action AS Action, resource AS Resource, outcome AS Outcome, " +
                      "remote_address AS RemoteAddress, detail AS Detail FROM audit_events " +
                      (caller.IsOperator ? "" : "WHERE actor_clinic_id = @Clinic ") + "ORDER BY at DESC LIMIT @Limit";
            var rows = await c.QueryAsync<Row>(new CommandDefinition(sql, new { Clinic = caller.ClinicId ?? "-", Limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => new AuditEvent(UnixTime.FromDb(r.At), r.ActorUserId, r.ActorClinicId, r.Action, r.Resource, r.Outcome, r.RemoteAddress, r.Detail)).ToList();
        }, ct);

    private sealed class Row
    {
        public long At { get; set; }
        public string? ActorUserId { get; set; }
        public string? ActorClinicId { get; set; }
        public string Action { get; set; } = "";
        public string Resource { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? RemoteAddress { get; set; }
        public string? Detail { get; set; }
    }
}
