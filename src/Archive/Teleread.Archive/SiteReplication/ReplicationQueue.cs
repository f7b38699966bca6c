using System.Data.Common;
using Dapper;
using Teleread.Archive.Storage;
using Teleread.Data;

namespace Teleread.Archive.SiteReplication;

/// <summary>
/// The replication queue in table archive_replication_queue (SQLite and PostgreSQL): one row per copy a site still
/// lacks. Rows are added by the index in the transaction that records the instance and removed with the instance
/// (study deletion, retention), so the queue is exactly as durable as the index and never outlives what it copies.
/// </summary>
public sealed class ReplicationQueue(IDatabase db, TimeProvider clock)
{
    private const string Columns = "blob_key AS BlobKey, site AS Site, clinic_id AS ClinicId, sop_instance_uid AS SopInstanceUid, blob_length AS Length, " +
        "blob_sha256 AS Sha256, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, created_at AS CreatedAt";

    /// <summary>
    /// Takes up to <paramref name="limit"/> due copies, oldest due first, for one attempt each: their next attempt moves
    /// to now + <paramref name="lease"/>, so no other replicator takes them meanwhile, and a replicator that dies holding
    /// them leaves them due again once the lease has passed.
    /// </summary>
    public Task<IReadOnlyList<ReplicationQueueItem>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = clock.GetUtcNow();
        return db.WriteAsync<IReadOnlyList<ReplicationQueueItem>>(async (c, t) =>
        {
            var due = await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM archive_replication_queue WHERE next_attempt_at <= @Now ORDER BY next_attempt_at, blob_key, site LIMIT @limit",
                new { Now = UnixTime.ToDb(now), limit }, t, cancellationToken: ct)).ConfigureAwait(false);
            var claimed = new List<ReplicationQueueItem>();
            var leaseUntil = UnixTime.ToDb(now + lease);
            foreach (var row in due)
            {
                // The due time in the condition makes a claim by another replicator since the SELECT win.
                var taken = await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE archive_replication_queue SET next_attempt_at = @Lease WHERE blob_key = @BlobKey AND site = @Site AND next_attempt_at = @Seen",
                    new { Lease = leaseUntil, row.BlobKey, row.Site, Seen = row.NextAttemptAt }, t, cancellationToken: ct)).ConfigureAwait(false);
                if (taken == 1)
                {
                    claimed.Add(row.ToItem());
                }
            }

            return claimed;
        }, ct);
    }

    /// <summary>
    /// Records copies made: their rows are deleted. Returns those whose instance no longer exists (deleted while the
    /// copy was being made): the caller must remove the copy it just wrote, or it would outlive the deletion.
    /// </summary>
    public Task<IReadOnlyList<ReplicationQueueItem>> CompleteAsync(IReadOnlyList<ReplicationQueueItem> copied, CancellationToken ct) =>
        copied.Count == 0
            ? Task.FromResult<IReadOnlyList<ReplicationQueueItem>>([])
            : db.WriteAsync<IReadOnlyList<ReplicationQueueItem>>(async (c, t) =>
            {
                var gone = new List<ReplicationQueueItem>();
                foreach (var item in copied)
                {
                    await c.ExecuteAsync(new CommandDefinition("DELETE FROM archive_replication_queue WHERE blob_key = @BlobKey AND site = @Site",
                        new { item.BlobKey, item.Site }, t, cancellationToken: ct)).ConfigureAwait(false);
                    // A deletion of the study removes the instance and its queue rows in one transaction. If it committed
                    // before this check, the copy must go; if after, the deletion removes the blob on every site itself.
                    var exists = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM archive_instances WHERE clinic_id = @ClinicId AND sop_instance_uid = @SopInstanceUid AND blob_key = @BlobKey",
                        new { item.ClinicId, item.SopInstanceUid, item.BlobKey }, t, cancellationToken: ct)).ConfigureAwait(false);
                    if (exists == 0)
                    {
                        gone.Add(item);
                    }
                }

                return gone;
            }, ct);

    /// <summary>Counts a failed attempt per copy, keeps its error and makes it due again at the given time.</summary>
    public Task RecordFailuresAsync(IReadOnlyList<(ReplicationQueueItem Item, string Error, DateTimeOffset NextAttemptAt)> failures, CancellationToken ct) =>
        failures.Count == 0
            ? Task.CompletedTask
            : db.WriteAsync(async (c, t) =>
            {
                foreach (var (item, error, next) in failures)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE archive_replication_queue SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next WHERE blob_key = @BlobKey AND site = @Site",
                        new { Error = error.Length > 2000 ? error[..2000] : error, Next = UnixTime.ToDb(next), item.BlobKey, item.Site }, t, cancellationToken: ct)).ConfigureAwait(false);
                }
            }, ct);

    /// <summary>Makes claimed copies due now again without counting an attempt (the replicator stopped before trying them).</summary>
    public Task ReleaseAsync(IReadOnlyList<ReplicationQueueItem> items, CancellationToken ct) =>
        items.Count == 0
            ? Task.CompletedTask
            : db.WriteAsync(async (c, t) =>
            {
                var now = UnixTime.ToDb(clock.GetUtcNow());
                foreach (var item in items)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE archive_replication_queue SET next_attempt_at = @Now WHERE blob_key = @BlobKey AND site = @Site",
                        new { Now = now, item.BlobKey, item.Site }, t, cancellationToken: ct)).ConfigureAwait(false);
                }
            }, ct);

    /// <summary>Depth, failing count, the oldest queued time and up to <paramref name="listed"/> oldest entries.</summary>
    public Task<ReplicationQueueStatus> GetStatusAsync(int listed, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var (depth, failing, oldest) = await c.QuerySingleAsync<(long, long?, long?)>(new CommandDefinition(
                "SELECT COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), MIN(created_at) FROM archive_replication_queue",
                cancellationToken: ct)).ConfigureAwait(false);
            var items = listed <= 0 ? [] : (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM archive_replication_queue ORDER BY created_at, blob_key, site LIMIT @listed",
                new { listed }, cancellationToken: ct)).ConfigureAwait(false)).Select(r => r.ToItem()).ToList();
            return new ReplicationQueueStatus(depth, failing ?? 0, oldest is { } o ? UnixTime.FromDb(o) : null, items);
        }, ct);

    /// <summary>Queues one copy of <paramref name="blob"/> per pending site, inside the caller's transaction (the one indexing the instance).</summary>
    internal static async Task EnqueueAsync(DbConnection c, DbTransaction t, string clinicId, string sopInstanceUid, BlobCommit blob, long now, CancellationToken ct)
    {
        foreach (var site in blob.PendingSites)
        {
            await c.ExecuteCachedAsync(
                "INSERT INTO archive_replication_queue (blob_key, site, clinic_id, sop_instance_uid, blob_length, blob_sha256, attempts, next_attempt_at, created_at) " +
                "VALUES (@Key, @Site, @ClinicId, @SopInstanceUid, @Length, @Sha256, 0, @Now, @Now)",
                new { blob.Key, Site = site, ClinicId = clinicId, SopInstanceUid = sopInstanceUid, blob.Length, blob.Sha256, Now = now },
                t, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the queued copies of the instances <c>archive_instances WHERE <paramref name="instanceFilter"/></c> selects, inside the caller's transaction.</summary>
    internal static Task RemoveForInstancesAsync(DbConnection c, DbTransaction t, string instanceFilter, object parameters, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM archive_replication_queue WHERE blob_key IN (SELECT blob_key FROM archive_instances WHERE " + instanceFilter + ")",
            parameters, t, cancellationToken: ct));

    /// <summary>The sites each of <paramref name="keys"/> is still queued for (keys without queued copies are absent).</summary>
    internal static async Task<Dictionary<string, List<string>>> PendingSitesAsync(DbConnection c, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var pending = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            var p = new DynamicParameters();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@K" + i;
                p.Add("K" + i, chunk[i]);
            }

            var rows = await c.QueryAsync<(string Key, string Site)>(new CommandDefinition(
                $"SELECT blob_key, site FROM archive_replication_queue WHERE blob_key IN ({string.Join(", ", names)})", p, cancellationToken: ct)).ConfigureAwait(false);
            foreach (var (key, site) in rows)
            {
                if (!pending.TryGetValue(key, out var sites))
                {
                    pending[key] = sites = [];
                }

                sites.Add(site);
            }
        }

        return pending;
    }

    private sealed class Row
    {
        public string BlobKey { get; set; } = "";
        public string Site { get; set; } = "";
        public string ClinicId { get; set; } = "";
        public string SopInstanceUid { get; set; } = "";
        public long Length { get; set; }
        public string Sha256 { get; set; } = "";
        public long Attempts { get; set; }
        public long NextAttemptAt { get; set; }
        public string? LastError { get; set; }
        public long CreatedAt { get; set; }

        public ReplicationQueueItem ToItem() => new(BlobKey, Site, ClinicId, SopInstanceUid, Length, Sha256, (int)Attempts,
            UnixTime.FromDb(NextAttemptAt), LastError, UnixTime.FromDb(CreatedAt));
    }
}
