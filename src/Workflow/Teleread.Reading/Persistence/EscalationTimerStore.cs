using System.Data.Common;
using Dapper;
using Teleread.Data;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

/// <summary>
/// Escalation timers as rows with due times, so they outlive the process. A worker leases due rows before
/// acting; a lease that lapses (the worker died mid-escalation) makes the row due again, and a row is marked
/// processed in the same transaction as the escalation it caused, so each timer takes effect exactly once.
/// </summary>
public sealed class EscalationTimerStore(IDatabase db)
{
    public static async Task ScheduleAsync(DbConnection c, DbTransaction t, IEnumerable<EscalationTimer> timers, CancellationToken ct)
    {
        foreach (var timer in timers)
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO reading_escalation_timers (id, request_id, step, due_at) VALUES (@Id, @RequestId, @Step, @DueAt)",
                new { Id = Guid.NewGuid().ToString(), RequestId = timer.RequestId.ToString(), Step = timer.Step.ToString(), DueAt = UnixTime.ToDb(timer.DueAt) },
                t, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    /// <summary>Closes a request's pending timers (its deadline changed); the caller schedules the new ones in the same transaction.</summary>
    public static async Task SupersedeAsync(DbConnection c, DbTransaction t, Guid requestId, DateTimeOffset at, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE reading_escalation_timers SET processed_at = @At, outcome = 'superseded: deadline changed'
            WHERE request_id = @RequestId AND processed_at IS NULL
            """, new { RequestId = requestId.ToString(), At = UnixTime.ToDb(at) }, t, cancellationToken: ct)).ConfigureAwait(false);

    /// <summary>Leases up to <paramref name="max"/> due, unprocessed timers to <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
    public Task<IReadOnlyList<StoredEscalationTimer>> LeaseDueAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<StoredEscalationTimer>>(async (c, t) =>
        {
            var due = await c.QueryAsync<TimerRow>(new CommandDefinition("""
                SELECT id AS Id, request_id AS RequestId, step AS Step, due_at AS DueAt FROM reading_escalation_timers
                WHERE processed_at IS NULL AND due_at <= @Now AND (lease_until IS NULL OR lease_until <= @Now)
                ORDER BY due_at LIMIT @Max
                """, new { Now = UnixTime.ToDb(now), Max = max }, t, cancellationToken: ct)).ConfigureAwait(false);
            var leased = new List<StoredEscalationTimer>();
            foreach (var row in due)
            {
                // The guard repeats the WHERE clause: on PostgreSQL two workers may have read the same row.
                var won = await c.ExecuteAsync(new CommandDefinition("""
                    UPDATE reading_escalation_timers SET lease_owner = @Owner, lease_until = @Until
                    WHERE id = @Id AND processed_at IS NULL AND (lease_until IS NULL OR lease_until <= @Now)
                    """, new { Owner = owner, Until = UnixTime.ToDb(leaseUntil), row.Id, Now = UnixTime.ToDb(now) }, t, cancellationToken: ct)).ConfigureAwait(false);
                if (won == 1)
                {
                    leased.Add(new StoredEscalationTimer(Guid.Parse(row.Id), Guid.Parse(row.RequestId), Enum.Parse<EscalationStep>(row.Step), UnixTime.FromDb(row.DueAt)));
                }
            }

            return leased;
        }, ct);

    /// <summary>
    /// True while <paramref name="owner"/> still holds the lease of an unprocessed timer, which then stays so until the transaction
    /// ends: on PostgreSQL the row is locked (<c>FOR UPDATE</c>), so another worker cannot take the lease over meanwhile; SQLite's
    /// writers take turns. A worker checks this before it writes anything for the timer.
    /// </summary>
    public async Task<bool> HoldLeaseAsync(DbConnection c, DbTransaction t, Guid timerId, string owner, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM reading_escalation_timers WHERE id = @Id AND lease_owner = @Owner AND processed_at IS NULL" + db.Dialect.ForUpdate(),
            new { Id = timerId.ToString(), Owner = owner }, t, cancellationToken: ct)).ConfigureAwait(false) == 1;

    /// <summary>Marks a leased timer done; false if the lease was lost meanwhile (another worker owns it now).</summary>
    public static async Task<bool> MarkProcessedAsync(DbConnection c, DbTransaction t, Guid timerId, string owner, DateTimeOffset at, string outcome, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition("""
            UPDATE reading_escalation_timers SET processed_at = @At, outcome = @Outcome
            WHERE id = @Id AND lease_owner = @Owner AND processed_at IS NULL
            """, new { Id = timerId.ToString(), Owner = owner, At = UnixTime.ToDb(at), Outcome = outcome }, t, cancellationToken: ct)).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<(EscalationStep Step, DateTimeOffset DueAt, string? Outcome)>> ListForRequestAsync(Guid requestId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(EscalationStep, DateTimeOffset, string?)>>(async c =>
            (await c.QueryAsync<(string Step, long DueAt, string? Outcome)>(new CommandDefinition(
                "SELECT step, due_at, outcome FROM reading_escalation_timers WHERE request_id = @Id ORDER BY due_at, step",
                new { Id = requestId.ToString() }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(r => (Enum.Parse<EscalationStep>(r.Step), UnixTime.FromDb(r.DueAt), r.Outcome)).ToList(), ct);

    private sealed record TimerRow(string Id, string RequestId, string Step, long DueAt);
}
