using Teleread.Archive.Index;
using Teleread.Archive.Storage;
using Teleread.Dicom;
using Teleread.Dicom.IO;

namespace Teleread.Archive.Ingest;

/// <summary>
/// The one way instances enter the archive (C-STORE, STOW-RS, gateway, upload, demo). The bytes stream
/// straight into a two-site blob write (never a whole instance in memory; the first 64 KiB are kept to read the header).
/// When the header lies within those bytes, the blob's commit (every site, or the primary with the others queued:
/// <see cref="ReplicationMode"/>) and the index transaction run side by side, the instance recorded with an intent
/// (<see cref="IngestIntentLog"/>); it is acknowledged only once both are durable, and withdrawn from the index if the
/// commit fails. Otherwise the blob is committed first and its header read back (up to Pixel Data only). A stream that
/// breaks, a header that cannot be read or a refused instance leaves no blob and no index row.
/// <para>
/// A small object (up to <see cref="HeaderCapture.Capacity"/>, all of it captured) on a store that can defer its fsyncs
/// (<see cref="IBlobStore.DefersSync"/>) is journaled: its bytes go into the index transaction with its intent, which makes
/// it durable with the one commit the index makes anyway, while the blob is committed without waiting for the disk; the
/// files are synced in batches a moment later and the intents then confirmed (<see cref="JournaledBlobSync"/>). One
/// instance then costs one flush of the disk instead of two side by side (three with two sites).
/// </para>
/// </summary>
public sealed class IngestService(IBlobStore store, ArchiveIndex index, TimeProvider clock, IEnumerable<IInstanceStoredObserver>? observers = null)
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly JournaledBlobSync _journaled = new(store, index.Intents);

    /// <summary>How long journaled small objects gather before one sync of the storage sites makes them durable there (50 ms).</summary>
    public TimeSpan JournalSyncInterval
    {
        get => _journaled.Interval;
        init => _journaled.Interval = value;
    }

    /// <summary>Makes every journaled small object committed so far durable on the storage sites and confirms its intent (shutdown, tests).</summary>
    public Task SyncJournaledAsync(CancellationToken ct) => _journaled.SyncAsync(ct);

    /// <summary>Ingests a PS3.10 file (preamble, DICM, meta group, data set). An exception from reading <paramref name="part10"/> propagates after the partial blob is removed.</summary>
    public Task<IngestResult> IngestAsync(IngestSource source, Stream part10, CancellationToken ct) => IngestAsync(source, part10, null, ct);

    /// <summary>As <see cref="IngestAsync(IngestSource, Stream, CancellationToken)"/>, refusing an instance of another study than <paramref name="requiredStudyUid"/> (STOW-RS to /studies/{uid}).</summary>
    public Task<IngestResult> IngestAsync(IngestSource source, Stream part10, string? requiredStudyUid, CancellationToken ct) =>
        IngestStreamAsync(source, null, part10, null, requiredStudyUid, ct);

    /// <summary>
    /// Reads one PS3.10 instance from <paramref name="part10"/> into storage without making it durable yet, so a caller
    /// holding several instances (one STOW-RS request) can complete them together with <see cref="CompleteAsync"/>.
    /// A source that breaks leaves nothing (the exception propagates, as with <see cref="IngestAsync(IngestSource, Stream, string?, CancellationToken)"/>).
    /// </summary>
    public async Task<StagedInstance> StageAsync(IngestSource source, Stream part10, string? requiredStudyUid, CancellationToken ct)
    {
        using var capture = new HeaderCapture();
        var streamed = await StreamBlobAsync(source, null, part10, capture, ct).ConfigureAwait(false);
        if (streamed.Write is not { } write)
        {
            return new StagedInstance(source, requiredStudyUid, null, streamed.Failure);
        }

        var header = ReadCapturedHeader(source, capture, write.BytesWritten, null, requiredStudyUid);
        if (header.Rejection is { } rejection)
        {
            await DiscardAsync(write).ConfigureAwait(false);
            return new StagedInstance(source, requiredStudyUid, null, rejection);
        }

        return new StagedInstance(source, requiredStudyUid, write, null) { Record = header.Record, Journal = JournalOf(capture, write, header.Record) };
    }

    /// <summary>
    /// Completes staged instances: every blob made durable (their fsyncs side by side), then all of them indexed in one
    /// transaction — one durable commit instead of one per instance — in the order given, each by the same rules as
    /// one at a time (the first copy of a SOP Instance UID wins). Results come back in the same order.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> CompleteAsync(IReadOnlyList<StagedInstance> staged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staged);
        return staged.All(s => s.Write is null || s.Record is not null)
            ? await CompleteWhileCommittingAsync(staged, ct).ConfigureAwait(false)
            : await CompleteThenIndexAsync(staged, ct).ConfigureAwait(false);
    }

    /// <summary>Every header is known: the commits and one index transaction (with intents) run side by side.</summary>
    private async Task<IReadOnlyList<IngestResult>> CompleteWhileCommittingAsync(IReadOnlyList<StagedInstance> staged, CancellationToken ct)
    {
        var results = new IngestResult?[staged.Count];
        var pending = new List<int>();
        for (var i = 0; i < staged.Count; i++)
        {
            if (staged[i].Write is null)
            {
                results[i] = staged[i].Failure!;
            }
            else
            {
                pending.Add(i);
            }
        }

        var settled = await CommitAndIndexAsync([.. pending.Select(i => (staged[i].Source, staged[i].Record!, staged[i].Write!, staged[i].Journal))], ct).ConfigureAwait(false);
        for (var j = 0; j < pending.Count; j++)
        {
            results[pending[j]] = settled[j];
        }

        return results!;
    }

    /// <summary>
    /// Commits the writes and indexes their instances (with intents) in one transaction, side by side; each instance is
    /// then settled (<see cref="SettleAsync"/>). An index failure settles the commits and propagates.
    /// </summary>
    private async Task<IReadOnlyList<IngestResult>> CommitAndIndexAsync(IReadOnlyList<(IngestSource Source, InstanceRecord Record, IBlobWrite Write, byte[]? Journal)> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var expected = items.Select(x => x.Write.Describe()).ToArray();
        // A journaled commit is a few file operations per site without waiting for the disk: on another thread, so the index
        // transaction (inline on SQLite, and the longer of the two) starts at once.
        var commits = items.Select(x => x.Journal is null ? CommitBlobAsync(x.Write, false, ct) : Task.Run(() => CommitBlobAsync(x.Write, true, ct), CancellationToken.None)).ToArray();
        IReadOnlyList<ArchiveIndex.AddResult> added;
        try
        {
            added = await index.AddManyWhileCommittingAsync([.. items.Select((x, j) => (x.Record, expected[j], x.Source.Origin.ToString(), x.Journal))], ct).ConfigureAwait(false);
        }
        catch
        {
            await SettleAfterIndexFailureAsync(commits, [.. items.Select((x, j) => (x.Record, expected[j].Key))]).ConfigureAwait(false);
            throw;
        }

        var results = new IngestResult[items.Count];
        for (var j = 0; j < items.Count; j++)
        {
            results[j] = await SettleAsync(items[j].Source, items[j].Record, expected[j], commits[j], added[j], items[j].Journal is not null, ct).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Some header lies beyond the captured bytes: every blob is made durable first, then read back where needed and indexed in one transaction.</summary>
    private async Task<IReadOnlyList<IngestResult>> CompleteThenIndexAsync(IReadOnlyList<StagedInstance> staged, CancellationToken ct)
    {
        var commits = await Task.WhenAll(staged.Select(s => s.Write is null
            ? Task.FromResult<(BlobCommit? Commit, IngestResult? Failure)>((null, s.Failure))
            : CommitBlobAsync(s.Write, false, ct))).ConfigureAwait(false);
        var results = new IngestResult?[staged.Count];
        var toAdd = new List<(int Index, InstanceRecord Record, BlobCommit Blob)>();
        for (var i = 0; i < staged.Count; i++)
        {
            if (commits[i].Commit is not { } blob)
            {
                results[i] = commits[i].Failure!;
                continue;
            }

            (InstanceRecord? Record, IngestResult? Rejection) prepared = staged[i].Record is { } known
                ? (known, null)
                : await PrepareAsync(staged[i].Source, blob, null, staged[i].RequiredStudyUid, ct).ConfigureAwait(false);
            if (prepared.Record is { } record)
            {
                toAdd.Add((i, record, blob));
            }
            else
            {
                results[i] = prepared.Rejection!;
            }
        }

        if (toAdd.Count > 0)
        {
            var added = await index.AddManyAsync([.. toAdd.Select(x => (x.Record, x.Blob, staged[x.Index].Source.Origin.ToString()))], ct).ConfigureAwait(false);
            for (var j = 0; j < toAdd.Count; j++)
            {
                var (i, record, blob) = toAdd[j];
                results[i] = await ConcludeAsync(staged[i].Source, record, blob, added[j], journaled: false, ct).ConfigureAwait(false);
            }
        }

        return results!;
    }

    /// <summary>
    /// Ingests a bare data set as DIMSE delivers it, with the transfer syntax of its presentation context and
    /// the SOP class and instance named by the C-STORE command; the stored object is a proper PS3.10 file.
    /// </summary>
    public Task<IngestResult> IngestDatasetAsync(IngestSource source, Stream dataset, string transferSyntaxUid, string sopClassUid, string sopInstanceUid, CancellationToken ct) =>
        IngestStreamAsync(source, BuildMetaHeader(transferSyntaxUid, sopClassUid, sopInstanceUid, source.CallingAeTitle), dataset, (sopClassUid, sopInstanceUid), null, ct);

    private async Task<IngestResult> IngestStreamAsync(IngestSource source, byte[]? prefix, Stream content, (string SopClass, string SopInstance)? command, string? requiredStudyUid, CancellationToken ct)
    {
        (InstanceRecord? Record, IngestResult? Rejection) header;
        IBlobWrite write;
        byte[]? journal;
        using (var capture = new HeaderCapture())
        {
            var streamed = await StreamBlobAsync(source, prefix, content, capture, ct).ConfigureAwait(false);
            if (streamed.Write is null)
            {
                return streamed.Failure!;
            }

            write = streamed.Write;
            header = ReadCapturedHeader(source, capture, write.BytesWritten, command, requiredStudyUid);
            journal = JournalOf(capture, write, header.Record);
        }

        if (header.Rejection is { } rejection)
        {
            await DiscardAsync(write).ConfigureAwait(false);
            return rejection;
        }

        if (header.Record is { } record)
        {
            return (await CommitAndIndexAsync([(source, record, write, journal)], ct).ConfigureAwait(false))[0];
        }

        var committed = await CommitBlobAsync(write, false, ct).ConfigureAwait(false);
        return committed.Commit is null ? committed.Failure! : await IndexAsync(source, committed.Commit, command, ct, requiredStudyUid).ConfigureAwait(false);
    }

    /// <summary>
    /// The outcome of an instance indexed while its blob committed: the commit failed → the instance is withdrawn and
    /// refused; it succeeded → the intent is confirmed, and the instance concluded as if indexed after the commit.
    /// </summary>
    private async Task<IngestResult> SettleAsync(IngestSource source, InstanceRecord record, BlobCommit expected,
        Task<(BlobCommit? Commit, IngestResult? Failure)> commit, ArchiveIndex.AddResult added, bool journaled, CancellationToken ct)
    {
        (BlobCommit? Commit, IngestResult? Failure) committed;
        try
        {
            committed = await commit.ConfigureAwait(false);
        }
        catch
        {
            if (added == ArchiveIndex.AddResult.Added)
            {
                await WithdrawQuietlyAsync(record, expected.Key).ConfigureAwait(false);
            }

            throw;
        }

        if (committed.Commit is not { } blob)
        {
            if (added == ArchiveIndex.AddResult.Added)
            {
                await WithdrawQuietlyAsync(record, expected.Key).ConfigureAwait(false);
            }

            return committed.Failure! with { SopInstanceUid = record.SopInstanceUid, SopClassUid = record.SopClassUid };
        }

        if (added == ArchiveIndex.AddResult.Added && journaled)
        {
            _journaled.ConfirmWhenSynced(blob.Key);
        }
        else if (added == ArchiveIndex.AddResult.Added)
        {
            index.Intents.Confirm(blob.Key);
        }

        return await ConcludeAsync(source, record, blob, added, journaled, ct).ConfigureAwait(false);
    }

    /// <summary>The index transaction failed (nothing of it is kept): each commit is waited for and its intent, if any, settled.</summary>
    private async Task SettleAfterIndexFailureAsync(IReadOnlyList<Task<(BlobCommit? Commit, IngestResult? Failure)>> commits, IReadOnlyList<(InstanceRecord Record, string Key)> items)
    {
        for (var i = 0; i < commits.Count; i++)
        {
            try
            {
                if ((await commits[i].ConfigureAwait(false)).Commit is not null)
                {
                    // An orphan blob, as when indexing fails after a commit; the scrubber reports unreferenced keys.
                    index.Intents.Confirm(items[i].Key);
                    continue;
                }
            }
            catch (Exception)
            {
                // Reported by the index failure being rethrown.
            }

            await WithdrawQuietlyAsync(items[i].Record, items[i].Key).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Another copy of the same bytes is indexed but its commit has not settled (another association, or a crash before
    /// recovery settled it): this copy is added once the other is confirmed (→ duplicate) or withdrawn (→ ours is
    /// stored). Bounded: after <see cref="OtherCopySettleTimeout"/> the instance is moved onto this copy
    /// (<see cref="ArchiveIndex.AdoptAsync"/>), so what the sender is told holds even if the other copy proves lost. A
    /// journaled copy (its blob committed without waiting for the disk, its bytes in no intent) is synced first.
    /// </summary>
    private async Task<ArchiveIndex.AddResult> AddOnceOtherCopySettledAsync(InstanceRecord record, BlobCommit blob, string origin, bool journaled, CancellationToken ct)
    {
        if (journaled)
        {
            await store.SyncDeferredAsync(ct).ConfigureAwait(false);
        }

        var deadline = clock.GetUtcNow() + OtherCopySettleTimeout;
        while (true)
        {
            var added = await index.AddAsync(record, blob, origin, ct).ConfigureAwait(false);
            if (added != ArchiveIndex.AddResult.SameInstanceStillCommitting)
            {
                return added;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return await index.AdoptAsync(record, blob, origin, ct).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
        }
    }

    /// <summary>How long a copy waits for another in-flight copy of the same bytes to settle.</summary>
    public static readonly TimeSpan OtherCopySettleTimeout = TimeSpan.FromSeconds(5);

    private async Task WithdrawQuietlyAsync(InstanceRecord record, string key)
    {
        try
        {
            await index.WithdrawAsync(record.ClinicId, record.SopInstanceUid, key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The intent row stays; the next start withdraws the instance (its blob is not there).
        }
    }

    /// <summary>The whole object to journal with its intent: a small one with a readable header, on a store that defers its syncs.</summary>
    private byte[]? JournalOf(HeaderCapture capture, IBlobWrite write, InstanceRecord? record) =>
        record is not null && store.DefersSync ? capture.CopyWhole(write.BytesWritten) : null;

    /// <summary>The header from the captured bytes, validated: a record, a rejection, or neither (the header runs past the capture).</summary>
    private static (InstanceRecord? Record, IngestResult? Rejection) ReadCapturedHeader(IngestSource source, HeaderCapture capture, long length,
        (string SopClass, string SopInstance)? command, string? requiredStudyUid)
    {
        InstanceRecord record;
        try
        {
            if (capture.TryReadHeader(length) is not { } file)
            {
                return (null, null);
            }

            record = RecordOf(source, file);
        }
        catch (Exception ex) when (ex is DicomReadException or DicomDataException or Teleread.Dicom.CharacterSets.DicomCharacterSetException or FormatException)
        {
            return (null, Unreadable(ex, command));
        }

        return Validate(record, command, requiredStudyUid) is { } rejection ? (null, rejection) : (record, null);
    }

    private static InstanceRecord RecordOf(IngestSource source, DicomFile file)
    {
        var syntax = file.FileMetaInformation.GetStringOrDefault(DicomTags.TransferSyntaxUID)?.Trim() ?? file.TransferSyntax.Uid;
        return InstanceRecord.FromHeader(source.ClinicId, file.Dataset, syntax);
    }

    private static IngestResult Unreadable(Exception ex, (string SopClass, string SopInstance)? command) =>
        IngestResult.Rejected(IngestStatus.CannotUnderstand, "Not a readable DICOM instance: " + ex.Message, command?.SopClass, command?.SopInstance);

    /// <summary>Copies the content into a new blob write, not yet committed, keeping its first bytes in <paramref name="capture"/>; on failure nothing is left behind.</summary>
    private async Task<(IBlobWrite? Write, IngestResult? Failure)> StreamBlobAsync(IngestSource source, byte[]? prefix, Stream content, HeaderCapture capture, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = $"{source.ClinicId}/{now:yyyy}/{now:MM}/{now:dd}/{Guid.CreateVersion7():N}.dcm";
        var write = await store.BeginWriteAsync(key, ct).ConfigureAwait(false);
        byte[]? buffer = null;
        try
        {
            if (prefix is not null)
            {
                capture.Append(prefix);
                await write.WriteAsync(prefix, ct).ConfigureAwait(false);
            }

            if (content is ISegmentedReadStream segmented)
            {
                // The network's fragments go to storage as they are: one copy of each byte fewer.
                ReadOnlyMemory<byte> segment;
                while (!(segment = await segmented.ReadSegmentAsync(ct).ConfigureAwait(false)).IsEmpty)
                {
                    capture.Append(segment.Span);
                    await write.WriteAsync(segment, ct).ConfigureAwait(false);
                }
            }
            else
            {
                buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                int n;
                while ((n = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), ct).ConfigureAwait(false)) > 0)
                {
                    capture.Append(buffer.AsSpan(0, n));
                    await write.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                }
            }

            if (write.BytesWritten - (prefix?.Length ?? 0) == 0)
            {
                await DiscardAsync(write).ConfigureAwait(false);
                return (null, IngestResult.Rejected(IngestStatus.CannotUnderstand, "The instance is empty."));
            }

            return (write, null);
        }
        catch (BlobStoreException ex)
        {
            await DiscardAsync(write).ConfigureAwait(false);
            return (null, IngestResult.Rejected(IngestStatus.OutOfResources, "Storage is not available: " + ex.Message));
        }
        catch
        {
            // The source broke (connection lost, truncated upload, cancelled): nothing partial is kept; the caller reports it.
            await DiscardAsync(write).ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Makes a streamed write durable (fsyncs on every site, or on the primary in queued mode), or only visible when it is
    /// <paramref name="journaled"/>, and disposes it. A commit that fails on some site removes the copies other sites
    /// committed: the key is new and nothing refers to it.
    /// </summary>
    private async Task<(BlobCommit? Commit, IngestResult? Failure)> CommitBlobAsync(IBlobWrite write, bool journaled, CancellationToken ct)
    {
        await using (write.ConfigureAwait(false))
        {
            try
            {
                return (await (journaled ? write.CommitDeferredAsync(ct) : write.CommitAsync(ct)).ConfigureAwait(false), null);
            }
            catch (BlobStoreException ex)
            {
                await write.AbortAsync(CancellationToken.None).ConfigureAwait(false);
                await DeleteQuietlyAsync(write.Key).ConfigureAwait(false);
                return (null, IngestResult.Rejected(IngestStatus.OutOfResources, "Storage is not available: " + ex.Message));
            }
            catch
            {
                await write.AbortAsync(CancellationToken.None).ConfigureAwait(false);
                await DeleteQuietlyAsync(write.Key).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Aborts and releases a write that will not be committed.</summary>
    internal static async Task DiscardAsync(IBlobWrite write)
    {
        await write.AbortAsync(CancellationToken.None).ConfigureAwait(false);
        await write.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IngestResult> IndexAsync(IngestSource source, BlobCommit blob, (string SopClass, string SopInstance)? command, CancellationToken ct, string? requiredStudyUid = null)
    {
        var prepared = await PrepareAsync(source, blob, command, requiredStudyUid, ct).ConfigureAwait(false);
        if (prepared.Record is not { } record)
        {
            return prepared.Rejection!;
        }

        var added = await index.AddAsync(record, blob, source.Origin.ToString(), ct).ConfigureAwait(false);
        return await ConcludeAsync(source, record, blob, added, journaled: false, ct).ConfigureAwait(false);
    }

    /// <summary>Reads the committed blob's header into an index record, or refuses it (the blob is then deleted).</summary>
    private async Task<(InstanceRecord? Record, IngestResult? Rejection)> PrepareAsync(
        IngestSource source, BlobCommit blob, (string SopClass, string SopInstance)? command, string? requiredStudyUid, CancellationToken ct)
    {
        InstanceRecord record;
        try
        {
            await using var stream = await OpenHeaderAsync(blob, ct).ConfigureAwait(false);
            record = RecordOf(source, DicomReader.ReadFile(stream, DicomReaderOptions.HeaderOnly));
        }
        catch (Exception ex) when (ex is DicomReadException or DicomDataException or Teleread.Dicom.CharacterSets.DicomCharacterSetException or FormatException)
        {
            await DeleteQuietlyAsync(blob.Key).ConfigureAwait(false);
            return (null, Unreadable(ex, command));
        }

        if (Validate(record, command, requiredStudyUid) is { } rejection)
        {
            await DeleteQuietlyAsync(blob.Key).ConfigureAwait(false);
            return (null, rejection);
        }

        return (record, null);
    }

    /// <summary>Why an instance read from its header is refused, or null: missing identifiers, a data set that is not what the C-STORE command named, or another study than the STOW-RS target.</summary>
    private static IngestResult? Validate(InstanceRecord record, (string SopClass, string SopInstance)? command, string? requiredStudyUid)
    {
        var problem = record.Problem();
        if (problem is null && command is { } cmd && (cmd.SopClass != record.SopClassUid || cmd.SopInstance != record.SopInstanceUid))
        {
            problem = "The data set's SOP Class / Instance UID differ from the C-STORE command's";
        }

        var wrongStudy = problem is null && requiredStudyUid is not null && record.StudyUid != requiredStudyUid;
        if (wrongStudy)
        {
            problem = $"The instance belongs to study {record.StudyUid}, not to the study {requiredStudyUid} it was sent to";
        }

        return problem is null ? null
            : IngestResult.Rejected(command is null && !wrongStudy ? IngestStatus.CannotUnderstand : IngestStatus.DataSetDoesNotMatchSopClass, problem, record.SopClassUid, record.SopInstanceUid);
    }

    /// <summary>After the index answered (waiting for another in-flight copy of the same bytes to settle): a refused blob is deleted, a stored one is announced to the observers.</summary>
    private async Task<IngestResult> ConcludeAsync(IngestSource source, InstanceRecord record, BlobCommit blob, ArchiveIndex.AddResult added, bool journaled, CancellationToken ct)
    {
        if (added == ArchiveIndex.AddResult.SameInstanceStillCommitting)
        {
            added = await AddOnceOtherCopySettledAsync(record, blob, source.Origin.ToString(), journaled, ct).ConfigureAwait(false);
        }

        if (added != ArchiveIndex.AddResult.Added)
        {
            await DeleteQuietlyAsync(blob.Key).ConfigureAwait(false);
        }

        if (added == ArchiveIndex.AddResult.Added)
        {
            var stored = new IngestResult(IngestOutcome.Stored, IngestStatus.Success, record.StudyUid, record.SeriesUid, record.SopInstanceUid, record.SopClassUid, null)
            {
                Header = StoredInstanceHeader.Of(record),
            };
            foreach (var observer in observers ?? [])
            {
                await observer.InstanceStoredAsync(source, stored, ct).ConfigureAwait(false);
            }

            return stored;
        }

        return added switch
        {
            ArchiveIndex.AddResult.SameInstanceAlreadyStored => new IngestResult(IngestOutcome.Duplicate, IngestStatus.Success, record.StudyUid, record.SeriesUid, record.SopInstanceUid, record.SopClassUid, null),
            ArchiveIndex.AddResult.DifferentInstanceAlreadyStored => new IngestResult(IngestOutcome.Conflict, IngestStatus.Conflict, record.StudyUid, record.SeriesUid, record.SopInstanceUid, record.SopClassUid,
                "Another instance with this SOP Instance UID and different content is already stored; the stored one is kept."),
            _ => new IngestResult(IngestOutcome.Conflict, IngestStatus.Conflict, record.StudyUid, record.SeriesUid, record.SopInstanceUid, record.SopClassUid,
                "The study is already stored for another Patient ID; an instance cannot move a study to another patient."),
        };
    }

    // The commit already checked every written site's SHA-256 against the bytes received, so the header is read back
    // without hashing the whole object again: only the bytes up to Pixel Data are read (the scrubber verifies later).
    private Task<Stream> OpenHeaderAsync(BlobCommit blob, CancellationToken ct) => store.OpenReadAsync(blob.Key, null, ct);

    private async Task DeleteQuietlyAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An orphan blob is harmless (not indexed); the scrubber reports unreferenced keys.
        }
    }

    private static byte[] BuildMetaHeader(string transferSyntaxUid, string sopClassUid, string sopInstanceUid, string? callingAe)
    {
        var meta = new DicomDataset();
        meta.AddOrUpdate(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClassUid);
        meta.AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstanceUid);
        meta.AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid);
        if (!string.IsNullOrWhiteSpace(callingAe))
        {
            meta.AddOrUpdate(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, callingAe.Trim());
        }

        using var ms = new MemoryStream();
        DicomWriter.WriteFile(ms, new DicomFile(meta, new DicomDataset()), DicomTransferSyntax.Lookup(transferSyntaxUid));
        return ms.ToArray();
    }
}
