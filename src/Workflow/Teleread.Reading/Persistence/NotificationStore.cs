using System.Data.Common;
using Dapper;
using Teleread.Data;

namespace Teleread.Reading.Persistence;

/// <summary>
/// The operators' and radiologists' inboxes (<c>reading_notifications</c>). Escalation writes to them in the same
/// transaction as the change that caused the message; readers list and acknowledge only their own inbox.
/// </summary>
public sealed class NotificationStore(IDatabase db)
{
    private const string Columns = "id AS Id, request_id AS RequestId, clinic_id AS ClinicId, kind AS Kind, audience AS Audience, "
        + "radiologist_id AS RadiologistId, at AS At, message AS Message, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy";

    public static Task InsertAsync(DbConnection c, DbTransaction t, ReadingNotification n, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reading_notifications (id, request_id, clinic_id, kind, audience, radiologist_id, at, message) "
            + "VALUES (@Id, @RequestId, @ClinicId, @Kind, @Audience, @RadiologistId, @At, @Message)", Parameters(n), t, cancellationToken: ct));

    /// <summary>
    /// Inserts an <see cref="NotificationKind.Overdue"/> notification unless this inbox already has one for the request, and only
    /// while the request is still at <paramref name="requestVersion"/> (the version it was decided on); true when inserted. "Once"
    /// is the unique index <c>ux_reading_notifications_once</c> (migration 0004), not a check before the insert: two workers checking
    /// at the same moment on PostgreSQL would both see none.
    /// </summary>
    public static async Task<bool> InsertOnceAsync(DbConnection c, DbTransaction t, ReadingNotification n, int requestVersion, CancellationToken ct)
    {
        if (n.Kind != NotificationKind.Overdue)
        {
            throw new ArgumentException($"Only {NotificationKind.Overdue} notifications are once per case (the unique index covers that kind); got {n.Kind}.", nameof(n));
        }

        var parameters = new DynamicParameters(Parameters(n));
        parameters.Add("RequestVersion", requestVersion);
        return await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO reading_notifications (id, request_id, clinic_id, kind, audience, radiologist_id, at, message) "
            + "SELECT @Id, @RequestId, @ClinicId, @Kind, @Audience, @RadiologistId, @At, @Message "
            + "WHERE EXISTS (SELECT 1 FROM reading_requests WHERE id = @RequestId AND version = @RequestVersion) ON CONFLICT DO NOTHING",
            parameters, t, cancellationToken: ct)).ConfigureAwait(false) == 1;
    }

    /// <summary>One inbox, newest first: the operators' (<paramref name="radiologistId"/> null) or one radiologist's.</summary>
    public Task<IReadOnlyList<ReadingNotification>> ListAsync(NotificationAudience audience, string? radiologistId, bool unacknowledgedOnly, int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReadingNotification>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM reading_notifications WHERE audience = @Audience AND COALESCE(radiologist_id, '') = @RadiologistId"
                + (unacknowledgedOnly ? " AND acknowledged_at IS NULL" : "") + " ORDER BY at DESC, id LIMIT @Limit",
                new { Audience = audience.ToString(), RadiologistId = radiologistId ?? "", Limit = limit }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(r => r.ToNotification()).ToList(), ct);

    /// <summary>Acknowledges a notification of this inbox; false when it is not there (or another inbox's).</summary>
    public Task<bool> AcknowledgeAsync(Guid id, NotificationAudience audience, string? radiologistId, string by, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            "UPDATE reading_notifications SET acknowledged_at = COALESCE(acknowledged_at, @At), acknowledged_by = COALESCE(acknowledged_by, @By) "
            + "WHERE id = @Id AND audience = @Audience AND COALESCE(radiologist_id, '') = @RadiologistId",
            new { Id = id.ToString(), Audience = audience.ToString(), RadiologistId = radiologistId ?? "", By = by, At = UnixTime.ToDb(at) },
            t, cancellationToken: ct)).ConfigureAwait(false) == 1, ct);

    /// <summary>The outbound channel's outbox: notifications not yet sent, oldest first.</summary>
    public Task<IReadOnlyList<ReadingNotification>> ListUnsentAsync(int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ReadingNotification>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM reading_notifications WHERE webhook_sent_at IS NULL ORDER BY at, id LIMIT @Limit",
                new { Limit = limit }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(r => r.ToNotification()).ToList(), ct);

    public Task MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE reading_notifications SET webhook_sent_at = @At WHERE id = @Id AND webhook_sent_at IS NULL",
            new { Id = id.ToString(), At = UnixTime.ToDb(at) }, t, cancellationToken: ct)), ct);

    private static object Parameters(ReadingNotification n) => new
    {
        Id = n.Id.ToString(), RequestId = n.RequestId.ToString(), n.ClinicId, Kind = n.Kind.ToString(), Audience = n.Audience.ToString(),
        n.RadiologistId, At = UnixTime.ToDb(n.At), n.Message,
    };

    private sealed record Row(string Id, string RequestId, string ClinicId, string Kind, string Audience, string? RadiologistId, long At, string Message,
        long? AcknowledgedAt, string? AcknowledgedBy)
    {
        public ReadingNotification ToNotification() => new(Guid.Parse(Id), Guid.Parse(RequestId), ClinicId, Enum.Parse<NotificationKind>(Kind),
            Enum.Parse<NotificationAudience>(Audience), RadiologistId, UnixTime.FromDb(At), Message,
            AcknowledgedAt is { } a ? UnixTime.FromDb(a) : null, AcknowledgedBy);
    }
}
