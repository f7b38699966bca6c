using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Teleread.Data;

namespace Teleread.Archive.Index;

/// <summary>
/// Instances indexed while their blob's commit was still running (table archive_ingest_intents). Ingest records the
/// instance and its intent row in one transaction side by side with the storage commit, so an acknowledgement waits for
/// one durable step instead of two in a row; once the blob is durable the intent is confirmed here and its row deleted
/// in a later batch (one transaction for many). A small object's row also holds its bytes (the journal), when its blob was
/// committed without waiting for the disk (<see cref="Storage.IBlobWrite.CommitDeferredAsync"/>). Rows still present after
/// a crash are settled by <see cref="Ingest.IngestIntentRecovery"/> on the next start.
/// </summary>
public sealed class IngestIntentLog
{
    /// <summary>How long confirmations gather before their rows are deleted in one transaction.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(250);

    private const int DeleteChunk = 400;
    private readonly IDatabase _db;
    private readonly ConcurrentDictionary<string, byte> _confirmed = new(StringComparer.Ordinal);
    private readonly DelayedRun _flush;

    public IngestIntentLog(IDatabase db)
    {
        _db = db;
        // A failed flush keeps the rows (the database was unavailable); the next round retries, and a restart settles them.
        _flush = new DelayedRun(() => FlushDelay, () => TimeSpan.Zero, () => FlushAsync(CancellationToken.None), () => !_confirmed.IsEmpty);
    }

    /// <summary>Confirmed (blob durable) but whose row is not deleted yet.</summary>
    public int ConfirmedPending => _confirmed.Count;

    /// <summary>Whether this process saw the blob of <paramref name="blobKey"/> become durable.</summary>
    public bool IsConfirmed(string blobKey) => _confirmed.ContainsKey(blobKey);

    /// <summary>The journaled bytes of an intent, or null (none recorded, or the row is gone).</summary>
    public Task<byte[]?> JournalAsync(string blobKey, CancellationToken ct) =>
        _db.ReadAsync(c => c.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT journal FROM archive_ingest_intents WHERE blob_key = @blobKey", new { blobKey }, cancellationToken: ct)), ct);

    /// <summary>The blob of an intent is durable: its row goes in the next batch.</summary>
    public void Confirm(string blobKey)
    {
        _confirmed[blobKey] = 0;
        _flush.Request();
    }

    /// <summary>
    /// Deletes the rows of every confirmed intent now — of those whose instance still rests on their blob. An intent whose
    /// instance moved to another copy meanwhile (<see cref="ArchiveIndex.AdoptAsync"/>) or went (deleted) stays: its
    /// blob is referenced by nothing, and <see cref="Ingest.IngestIntentRecovery"/> deletes it.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var keys = _confirmed.Keys.ToList();
        if (keys.Count == 0)
        {
            return;
        }

        await _db.WriteAsync(async (c, t) =>
        {
            foreach (var chunk in keys.Chunk(DeleteChunk))
            {
                var p = new DynamicParameters();
                await c.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM archive_ingest_intents WHERE " + AccessSql.InList("blob_key", chunk, "K", p) +
                    " AND EXISTS (SELECT 1 FROM archive_instances i WHERE i.clinic_id = archive_ingest_intents.clinic_id " +
                    "AND i.sop_instance_uid = archive_ingest_intents.sop_instance_uid AND i.blob_key = archive_ingest_intents.blob_key)",
                    p, t, cancellationToken: ct)).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);
        foreach (var key in keys)
        {
            _confirmed.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Every intent row (after a crash: the instances whose blob may not be durable; with several server processes, also
    /// the commits another process is running now), with when it was written and the size and hash its instance recorded
    /// (none when the instance is gone).
    /// </summary>
    public Task<IReadOnlyList<IngestIntent>> ListAsync(CancellationToken ct) =>
        _db.ReadAsync<IReadOnlyList<IngestIntent>>(async c => (await c.QueryAsync<(string Key, string Clinic, string Sop, long At, long? Length, string? Sha, long Journaled)>(new CommandDefinition(
            "SELECT x.blob_key, x.clinic_id, x.sop_instance_uid, x.created_at, i.blob_length, i.blob_sha256, " +
            "CASE WHEN x.journal IS NULL THEN 0 ELSE 1 END FROM archive_ingest_intents x LEFT JOIN archive_instances i " +
            "ON i.clinic_id = x.clinic_id AND i.sop_instance_uid = x.sop_instance_uid AND i.blob_key = x.blob_key ORDER BY x.created_at",
            cancellationToken: ct)).ConfigureAwait(false)).Select(r => new IngestIntent(r.Key, r.Clinic, r.Sop, UnixTime.FromDb(r.At),
                r.Length is { } length && r.Sha is { } sha ? new Storage.BlobExpectation(r.Key, length, sha) : null) { Journaled = r.Journaled != 0 }).ToList(), ct);

    /// <summary>Deletes one intent row (its blob was found durable).</summary>
    public Task ForgetAsync(string blobKey, CancellationToken ct) =>
        _db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM archive_ingest_intents WHERE blob_key = @blobKey", new { blobKey }, t, cancellationToken: ct)), ct);

    internal static Task RecordAsync(DbConnection c, DbTransaction t, string clinicId, string sopInstanceUid, string blobKey, long now, byte[]? journal, CancellationToken ct) =>
        c.ExecuteCachedAsync(
            "INSERT INTO archive_ingest_intents (blob_key, clinic_id, sop_instance_uid, created_at, journal) VALUES (@blobKey, @clinicId, @sopInstanceUid, @now, @journal)",
            new { blobKey, clinicId, sopInstanceUid, now, journal }, t, ct);

    internal static Task RemoveAsync(DbConnection c, DbTransaction t, string blobKey, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("DELETE FROM archive_ingest_intents WHERE blob_key = @blobKey", new { blobKey }, t, cancellationToken: ct));
}

/// <summary>An instance recorded in the index (at <paramref name="CreatedAt"/>) before its blob was known durable; <paramref name="Expected"/> is null when the instance is no longer indexed.</summary>
public sealed record IngestIntent(string BlobKey, string ClinicId, string SopInstanceUid, DateTimeOffset CreatedAt, Storage.BlobExpectation? Expected)
{
    /// <summary>Whether the row holds the object's bytes (<see cref="IngestIntentLog.JournalAsync"/>).</summary>
    public bool Journaled { get; init; }
}
