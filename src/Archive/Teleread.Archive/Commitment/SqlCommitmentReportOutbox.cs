using Dapper;
using Teleread.Data;
using Teleread.Dicom.Json;

namespace Teleread.Archive.Commitment;

/// <summary>The outbox in table archive_commitment_reports (SQLite and PostgreSQL); report data sets are stored as DICOM JSON.</summary>
public sealed class SqlCommitmentReportOutbox(IDatabase db, TimeProvider clock) : ICommitmentReportOutbox
{
    private const string Pending = "pending";
    private const string Failed = "failed";

    private const string Columns = "id AS Id, clinic_id AS ClinicId, calling_ae AS CallingAe, transaction_uid AS TransactionUid, event_type_id AS EventTypeId, " +
        "event_information AS EventInformation, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, " +
        "created_at AS CreatedAt, failed_at AS FailedAt, requeued_at AS RequeuedAt";

    public async Task<string> AddAsync(NewCommitmentReport report, DateTimeOffset firstAttemptAt, CancellationToken ct)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var json = DicomJsonWriter.Serialize(report.EventInformation);
        await db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO archive_commitment_reports (id, clinic_id, calling_ae, transaction_uid, event_type_id, event_information, state, attempts, next_attempt_at, created_at) " +
            "VALUES (@id, @ClinicId, @CallingAeTitle, @TransactionUid, @Type, @json, @Pending, 0, @Due, @Now)",
            new { id, report.ClinicId, report.CallingAeTitle, report.TransactionUid, Type = (int)report.EventTypeId, json, Pending,
                Due = UnixTime.ToDb(firstAttemptAt), Now = UnixTime.ToDb(clock.GetUtcNow()) },
            t, cancellationToken: ct)), ct).ConfigureAwait(false);
        return id;
    }

    public Task<IReadOnlyList<CommitmentReportEntry>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM archive_commitment_reports WHERE state = @Pending AND next_attempt_at <= @Now ORDER BY next_attempt_at, id LIMIT @limit",
            new { Pending, Now = UnixTime.ToDb(now), limit }, ct);

    public Task<bool> TryClaimAsync(CommitmentReportEntry entry, DateTimeOffset leaseUntil, CancellationToken ct) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            "UPDATE archive_commitment_reports SET next_attempt_at = @Lease WHERE id = @Id AND state = @Pending AND next_attempt_at = @Seen",
            new { Lease = UnixTime.ToDb(leaseUntil), entry.Id, Pending, Seen = UnixTime.ToDb(entry.NextAttemptAt) },
            t, cancellationToken: ct)).ConfigureAwait(false) == 1, ct);

    public Task RescheduleAsync(string id, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync("UPDATE archive_commitment_reports SET next_attempt_at = @At WHERE id = @id AND state = @Pending",
            new { At = UnixTime.ToDb(at), id, Pending }, ct);

    public Task RecordFailedAttemptAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken ct) =>
        ExecuteAsync("UPDATE archive_commitment_reports SET attempts = attempts + 1, last_error = @error, next_attempt_at = @Next WHERE id = @id AND state = @Pending",
            new { error, Next = UnixTime.ToDb(nextAttemptAt), id, Pending }, ct);

    public Task GiveUpAsync(string id, string error, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync("UPDATE archive_commitment_reports SET attempts = attempts + 1, last_error = @error, state = @Failed, failed_at = @At WHERE id = @id AND state = @Pending",
            new { error, Failed, At = UnixTime.ToDb(at), id, Pending }, ct);

    public Task RemoveAsync(string id, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM archive_commitment_reports WHERE id = @id", new { id }, ct);

    public Task<bool> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            "UPDATE archive_commitment_reports SET state = @Pending, next_attempt_at = @Now, requeued_at = @Now, failed_at = NULL WHERE id = @id AND state = @Failed",
            new { Pending, Failed, Now = UnixTime.ToDb(now), id }, t, cancellationToken: ct)).ConfigureAwait(false) == 1, ct);

    public Task<bool> DiscardAsync(string id, CancellationToken ct) =>
        db.WriteAsync(async (c, t) => await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM archive_commitment_reports WHERE id = @id", new { id }, t, cancellationToken: ct)).ConfigureAwait(false) == 1, ct);

    public async Task<CommitmentReportEntry?> FindAsync(string id, CancellationToken ct) =>
        (await QueryAsync($"SELECT {Columns} FROM archive_commitment_reports WHERE id = @id", new { id }, ct).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<CommitmentReportEntry>> ListAsync(CommitmentReportState? state, int limit, CancellationToken ct) =>
        state is { } s
            ? QueryAsync($"SELECT {Columns} FROM archive_commitment_reports WHERE state = @State ORDER BY created_at DESC, id DESC LIMIT @limit",
                new { State = s == CommitmentReportState.Failed ? Failed : Pending, limit }, ct)
            : QueryAsync($"SELECT {Columns} FROM archive_commitment_reports ORDER BY created_at DESC, id DESC LIMIT @limit", new { limit }, ct);

    private Task ExecuteAsync(string sql, object parameters, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: ct)), ct);

    private Task<IReadOnlyList<CommitmentReportEntry>> QueryAsync(string sql, object parameters, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<CommitmentReportEntry>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct)).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList(), ct);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string ClinicId { get; set; } = "";
        public string CallingAe { get; set; } = "";
        public string TransactionUid { get; set; } = "";
        public long EventTypeId { get; set; }
        public string EventInformation { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public long NextAttemptAt { get; set; }
        public string? LastError { get; set; }
        public long CreatedAt { get; set; }
        public long? FailedAt { get; set; }
        public long? RequeuedAt { get; set; }

        public CommitmentReportEntry ToEntry() => new(
            Id, ClinicId, CallingAe, TransactionUid, (ushort)EventTypeId, DicomJsonReader.Read(EventInformation),
            State == Failed ? CommitmentReportState.Failed : CommitmentReportState.Pending, (int)Attempts,
            UnixTime.FromDb(NextAttemptAt), LastError, UnixTime.FromDb(CreatedAt), FailedAt is { } f ? UnixTime.FromDb(f) : null,
            RequeuedAt is { } r ? UnixTime.FromDb(r) : null);
    }
}
