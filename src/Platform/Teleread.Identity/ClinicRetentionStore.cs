using Dapper;
using Teleread.Data;

namespace Teleread.Identity;

/// <summary>Each clinic's retention period, stored with the clinic (null = keep forever).</summary>
public sealed class ClinicRetentionStore(IDatabase db)
{
    private const string SelectRow = "SELECT id AS Id, retention_years AS Years, retention_days AS Days FROM clinics WHERE id = @clinicId";

    /// <summary>The clinic's retention; <c>Found</c> is false for an unknown clinic.</summary>
    public Task<(bool Found, ClinicRetention? Retention)> GetAsync(string clinicId, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                SelectRow, new { clinicId }, cancellationToken: ct)).ConfigureAwait(false);
            return row is null ? (false, (ClinicRetention?)null) : (true, row.ToRetention());
        }, ct);

    /// <summary>
    /// Sets the clinic's retention (null = keep forever) and returns the one it replaced; <c>Found</c> is false for an
    /// unknown clinic. The row is locked before it is read, so the period returned is the one this change overwrote even
    /// when another change commits meanwhile (READ COMMITTED would otherwise let a separate read see the older value).
    /// </summary>
    public async Task<(bool Found, ClinicRetention? Before)> SetAsync(string clinicId, ClinicRetention? retention, CancellationToken ct)
    {
        if (retention is not null && ClinicRetention.Problem(retention.Years, retention.Days) is { } problem)
        {
            throw new ArgumentException(problem, nameof(retention));
        }

        return await db.WriteAsync(async (c, t) =>
        {
            var before = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                SelectRow + db.Dialect.ForUpdate(), new { clinicId }, t, cancellationToken: ct)).ConfigureAwait(false);
            if (before is null)
            {
                return (false, (ClinicRetention?)null);
            }

            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE clinics SET retention_years = @Years, retention_days = @Days WHERE id = @clinicId",
                new { clinicId, Years = retention?.Years, Days = retention?.Days ?? 0 }, t, cancellationToken: ct)).ConfigureAwait(false);
            return (true, before.ToRetention());
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The clinic's retention as a deletion inside <paramref name="t"/> applies it (null: keep forever, or no such clinic). On
    /// PostgreSQL the row is read <c>FOR SHARE</c>: a change committed before is the one read, and a change running now
    /// (<see cref="SetAsync"/> locks the row) is waited for, so no deletion applies a period already replaced.
    /// </summary>
    public async Task<ClinicRetention?> GetForDeletionAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, string clinicId, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectRow + db.Dialect.ForShare(),
            new { clinicId }, t, cancellationToken: ct)).ConfigureAwait(false))?.ToRetention();

    /// <summary>Every clinic that has a retention period (clinics keeping studies forever are left out).</summary>
    public Task<IReadOnlyList<(string ClinicId, ClinicRetention Retention)>> ListLimitedAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(string, ClinicRetention)>>(async c =>
        {
            var rows = await c.QueryAsync<Row>(new CommandDefinition(
                "SELECT id AS Id, retention_years AS Years, retention_days AS Days FROM clinics WHERE retention_years IS NOT NULL ORDER BY id",
                cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => (r.Id, r.ToRetention()!)).ToList();
        }, ct);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public long? Years { get; set; }
        public long Days { get; set; }

        public ClinicRetention? ToRetention() => Years is { } y ? new ClinicRetention((int)y, (int)Days) : null;
    }
}
