using System.Data.Common;
using Dapper;
using Teleread.Data;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

/// <summary>
/// Reading requests and their timelines. Saving is optimistic: the row is updated only if its version is still
/// the one that was loaded, so of two people changing the same request at once exactly one wins.
/// </summary>
public sealed class ReadingRequestStore(IDatabase db)
{
    private const string Columns = "document AS Document, version AS Version";

    public IDatabase Database { get; } = db;

    /// <summary>
    /// Inserts a new request. With an idempotency key, a second insert with the same key for the same clinic
    /// inserts nothing and returns false (the caller then returns the first request). With <paramref name="holdsStudy"/>
    /// the request becomes the one that stands for its study at its clinic; when another already does, nothing is
    /// inserted and the result is false too (the database decides, so concurrent inserts across processes cannot both win).
    /// </summary>
    public async Task<bool> InsertAsync(DbConnection c, DbTransaction t, ReadingRequest request, string? idempotencyKey, CancellationToken ct, bool holdsStudy = false)
    {
        var s = request.ToSnapshot();
        var inserted = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO reading_requests (id, clinic_id, patient_id, study_reference, priority, modality, state, assigned_radiologist_id,
                second_reader_id, received_at, deadline, last_image_at, version, idempotency_key, study_holder, document)
            VALUES (@Id, @ClinicId, @PatientId, @StudyReference, @Priority, @Modality, @State, @Assigned, @SecondReader, @ReceivedAt, @Deadline,
                @LastImageAt, @Version, @IdempotencyKey, @StudyHolder, @Document)
            ON CONFLICT DO NOTHING
            """, Row(s) with { IdempotencyKey = idempotencyKey, StudyHolder = holdsStudy ? s.StudyReference : null }, t, cancellationToken: ct)).ConfigureAwait(false);
        if (inserted == 1)
        {
            await InsertTransitionsAsync(c, t, request.Id, s.Timeline, ct).ConfigureAwait(false);
        }

        return inserted == 1;
    }

    public async Task<Guid?> FindIdByIdempotencyKeyAsync(DbConnection c, DbTransaction t, string clinicId, string key, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM reading_requests WHERE clinic_id = @ClinicId AND idempotency_key = @Key", new { ClinicId = clinicId, Key = key }, t,
            cancellationToken: ct)).ConfigureAwait(false) is { } id ? Guid.Parse(id) : null;

    /// <summary>The request that stands for a study at a clinic (the first filed for it since requests hold studies), if any.</summary>
    public async Task<Guid?> FindStudyHolderAsync(DbConnection c, DbTransaction? t, string clinicId, string studyReference, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT id FROM reading_requests WHERE clinic_id = @ClinicId AND study_holder = @StudyReference",
            new { ClinicId = clinicId, StudyReference = studyReference }, t, cancellationToken: ct)).ConfigureAwait(false) is { } id ? Guid.Parse(id) : null;

    /// <summary>
    /// Serialises, on PostgreSQL, the units of work that open a request for a study (<c>ReadingService</c> takes it before it
    /// looks for the study's requests) with those deciding from the study's requests having none open (the archive's retention
    /// hold): a transaction-scoped advisory lock on the clinic and study, released at commit. Row locks cannot do this, the
    /// row not existing yet. SQLite needs nothing: a read-write unit of work there holds the database's one write lock.
    /// </summary>
    public async Task LockStudyAsync(DbConnection c, DbTransaction t, string clinicId, string studyReference, CancellationToken ct)
    {
        if (Database.Dialect == SqlDialectKind.Postgres)
        {
            await c.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))",
                new { Key = $"reading-study\n{clinicId}\n{studyReference}" }, t, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The study's requests (id and state), read in <paramref name="t"/> under <see cref="LockStudyAsync"/> and locked
    /// <c>FOR SHARE</c>: a request being changed (an addendum reopening a delivered one) is waited for and read as changed,
    /// and none can be opened or changed until the transaction ends.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, ReadingState State)>> StudyRequestsForDecisionAsync(DbConnection c, DbTransaction t, string clinicId, string studyReference,
        CancellationToken ct)
    {
        await LockStudyAsync(c, t, clinicId, studyReference, ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string Id, string State)>(new CommandDefinition(
            "SELECT id, state FROM reading_requests WHERE clinic_id = @ClinicId AND study_reference = @StudyReference ORDER BY received_at" + Database.Dialect.ForShare(),
            new { ClinicId = clinicId, StudyReference = studyReference }, t, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => (Guid.Parse(r.Id), Enum.Parse<ReadingState>(r.State)))];
    }

    /// <summary>Gives a request the clinic's idempotency key when it has none, so a retried submission finds it.</summary>
    public static async Task SetIdempotencyKeyAsync(DbConnection c, DbTransaction t, Guid id, string key, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE reading_requests SET idempotency_key = @Key WHERE id = @Id AND idempotency_key IS NULL", new { Id = id.ToString(), Key = key }, t,
            cancellationToken: ct)).ConfigureAwait(false);

    /// <summary>Writes the request if nobody changed it since <paramref name="expectedVersion"/>; false when someone did.</summary>
    public async Task<bool> TrySaveAsync(DbConnection c, DbTransaction t, ReadingRequest request, int expectedVersion, CancellationToken ct)
    {
        if (!request.TimelineLoaded)
        {
            // A list row has no timeline; saving it would lose or misnumber its new timeline entries.
            throw new InvalidOperationException($"Request {request.Id} was loaded without its timeline; load it with FindAsync before saving.");
        }

        var s = request.ToSnapshot();
        var row = Row(s);
        var updated = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE reading_requests SET state = @State, assigned_radiologist_id = @Assigned, second_reader_id = @SecondReader, deadline = @Deadline,
                last_image_at = @LastImageAt, version = @Version, document = @Document, patient_id = @PatientId, priority = @Priority, modality = @Modality
            WHERE id = @Id AND version = @ExpectedVersion
            """, new { row.Id, row.State, row.Assigned, row.SecondReader, row.Deadline, row.LastImageAt, row.Version, row.Document, row.PatientId, row.Priority,
                row.Modality, ExpectedVersion = expectedVersion },
            t, cancellationToken: ct)).ConfigureAwait(false);
        if (updated != 1)
        {
            return false;
        }

        var stored = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reading_transitions WHERE request_id = @Id", new { Id = request.Id.ToString() }, t, cancellationToken: ct)).ConfigureAwait(false);
        await InsertTransitionsAsync(c, t, request.Id, s.Timeline.Skip((int)stored), ct).ConfigureAwait(false);
        return true;
    }

    public Task<ReadingRequest?> FindAsync(Guid id, CancellationToken ct) =>
        Database.ReadAsync(c => FindAsync(c, null, id, ct), ct);

    public Task<ReadingRequest?> FindAsync(DbConnection c, DbTransaction? t, Guid id, CancellationToken ct) => FindAsync(c, t, id, "", ct);

    /// <summary>
    /// Loads a request to decide on and save in the same read-write unit of work. On PostgreSQL the row stays locked until the
    /// unit of work ends, so the decision is made on the latest committed state and nobody commits a change between the read and
    /// the save: a concurrent writer waits for this one and then decides on its result (instead of both deciding on the same
    /// version and the later one failing its version check). See docs/reading.md, "Concurrency on PostgreSQL".
    /// </summary>
    public Task<ReadingRequest?> FindForUpdateAsync(DbConnection c, DbTransaction t, Guid id, CancellationToken ct) =>
        FindAsync(c, t, id, Database.Dialect.ForUpdate(), ct);

    private async Task<ReadingRequest?> FindAsync(DbConnection c, DbTransaction? t, Guid id, string forUpdate, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM reading_requests WHERE id = @Id{forUpdate}", new { Id = id.ToString() }, t, cancellationToken: ct)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var timeline = await c.QueryAsync<TransitionRow>(new CommandDefinition("""
            SELECT sequence AS Sequence, from_state AS FromState, command AS Command, to_state AS ToState, actor_id AS ActorId,
                actor_role AS ActorRole, at AS At, reason AS Reason, radiologist_id AS RadiologistId
            FROM reading_transitions WHERE request_id = @Id ORDER BY sequence
            """, new { Id = id.ToString() }, t, cancellationToken: ct)).ConfigureAwait(false);
        return Restore(row, [.. timeline.Select(ToTransition)]);
    }

    /// <summary>Requests matching all given filters, earliest deadline first, without timelines (read-only views: save only what FindAsync loaded).</summary>
    public Task<IReadOnlyList<ReadingRequest>> ListAsync(ReadingRequestFilter filter, CancellationToken ct) =>
        Database.ReadAsync<IReadOnlyList<ReadingRequest>>(async c =>
        {
            var states = filter.States?.Select(s => s.ToString()).ToArray();
            var sql = $"SELECT {Columns} FROM reading_requests WHERE 1 = 1"
                + (filter.ClinicId is null ? "" : " AND clinic_id = @ClinicId")
                + (filter.RadiologistId is null ? "" : " AND assigned_radiologist_id = @RadiologistId")
                + (filter.SecondReaderId is null ? "" : " AND second_reader_id = @SecondReaderId")
                + (filter.StudyReference is null ? "" : " AND study_reference = @StudyReference")
                + (filter.PatientId is null ? "" : " AND patient_id = @PatientId")
                + (states is null ? "" : " AND state IN (" + string.Join(", ", states.Select((_, i) => "@S" + i)) + ")")
                + " ORDER BY deadline, received_at LIMIT @Limit";
            var p = new DynamicParameters(new { filter.ClinicId, filter.RadiologistId, filter.SecondReaderId, filter.StudyReference, filter.PatientId, Limit = filter.Limit });
            for (var i = 0; i < (states?.Length ?? 0); i++)
            {
                p.Add("S" + i, states![i]);
            }

            var rows = await c.QueryAsync<DocumentRow>(new CommandDefinition(sql, p, cancellationToken: ct)).ConfigureAwait(false);
            return rows.Select(r => Restore(r, null)).ToList();
        }, ct);

    /// <summary>Per radiologist and modality, how many cases they were given (assign, claim, reassign) since an instant.</summary>
    public Task<IReadOnlyList<(string RadiologistId, ImagingModality Modality, int Count)>> AssignmentsSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        Database.ReadAsync<IReadOnlyList<(string, ImagingModality, int)>>(async c =>
            (await c.QueryAsync<(string RadiologistId, string Modality, long Count)>(new CommandDefinition("""
                SELECT t.radiologist_id, r.modality, COUNT(*) FROM reading_transitions t JOIN reading_requests r ON r.id = t.request_id
                WHERE t.at >= @Since AND t.command IN ('Assign', 'Claim', 'Reassign') AND t.radiologist_id IS NOT NULL
                GROUP BY t.radiologist_id, r.modality
                """, new { Since = UnixTime.ToDb(since) }, cancellationToken: ct)).ConfigureAwait(false))
            .Select(x => (x.RadiologistId, Enum.Parse<ImagingModality>(x.Modality), (int)x.Count)).ToList(), ct);

    private static ReadingRequest Restore(DocumentRow row, List<ReadingTransition>? timeline) =>
        ReadingRequest.Restore(ReadingJson.Deserialize<ReadingRequestSnapshot>(row.Document) with { Version = (int)row.Version, Timeline = timeline ?? [] },
            timelineLoaded: timeline is not null);

    private static async Task InsertTransitionsAsync(DbConnection c, DbTransaction t, Guid id, IEnumerable<ReadingTransition> transitions, CancellationToken ct)
    {
        foreach (var x in transitions)
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO reading_transitions (request_id, sequence, from_state, command, to_state, actor_id, actor_role, at, reason, radiologist_id)
                VALUES (@RequestId, @Sequence, @From, @Command, @To, @ActorId, @ActorRole, @At, @Reason, @RadiologistId)
                """, new
            {
                RequestId = id.ToString(), x.Sequence, From = x.From.ToString(), Command = x.Command.ToString(), To = x.To.ToString(),
                ActorId = x.Actor.Id, ActorRole = x.Actor.Role.ToString(), At = UnixTime.ToDb(x.At), x.Reason, x.RadiologistId,
            }, t, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private static ReadingTransition ToTransition(TransitionRow r) => new((int)r.Sequence, Enum.Parse<ReadingState>(r.FromState),
        Enum.Parse<ReadingCommand>(r.Command), Enum.Parse<ReadingState>(r.ToState), new Actor(r.ActorId, Enum.Parse<ActorRole>(r.ActorRole)),
        UnixTime.FromDb(r.At), r.Reason, r.RadiologistId);

    private static RequestRow Row(ReadingRequestSnapshot s) => new(s.Id.ToString(), s.ClinicId, s.PatientId, s.StudyReference,
        s.Details.Priority.ToString(), s.Details.Modality.ToString(), s.State.ToString(), s.AssignedRadiologistId, s.SecondReaderId, UnixTime.ToDb(s.ReceivedAt), UnixTime.ToDb(s.Deadline),
        UnixTime.ToDb(s.LastImageAt), s.Version, ReadingJson.Serialize(s with { Timeline = [] }));

    private sealed record RequestRow(string Id, string ClinicId, string PatientId, string StudyReference, string Priority, string Modality, string State,
        string? Assigned, string? SecondReader, long ReceivedAt, long Deadline, long LastImageAt, int Version, string Document)
    {
        public string? IdempotencyKey { get; init; }

        public string? StudyHolder { get; init; }
    }

    private sealed record DocumentRow(string Document, long Version);

    private sealed record TransitionRow(long Sequence, string FromState, string Command, string ToState, string ActorId, string ActorRole,
        long At, string Reason, string? RadiologistId);
}
