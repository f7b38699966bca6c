using Teleread.Archive.Index;
using Teleread.Archive.Storage;
using Teleread.Dicom;
using Teleread.Dicom.IO;

namespace Teleread.Archive.Ingest;

/// <summary>
/// The one way instances enter the archive (C-STORE, STOW-RS, gateway, upload, demo). The bytes stream
/// straight into a two-site blob write (never a whole instance in memory); after the write committed (every site, or
/// the primary site with the others queued: <see cref="ReplicationMode"/>), the header is read back (up to Pixel Data
/// only) and the instance indexed in one transaction, with its queued copies. A stream that breaks, a header that
/// cannot be read or a refused instance leaves no blob and no index row.
/// </summary>
public sealed class IngestService(IBlobStore store, ArchiveIndex index, TimeProvider clock, IEnumerable<IInstanceStoredObserver>? observers = null)
{
    private const int CopyBufferSize = 128 * 1024;

    /// <summary>Ingests a PS3.10 file (preamble, DICM, meta group, data set). An exception from reading <paramref name="part10"/> propagates after the partial blob is removed.</summary>
    public Task<IngestResult> IngestAsync(IngestSource source, Stream part10, CancellationToken ct) => IngestAsync(source, part10, null, ct);

    /// <summary>As <see cref="IngestAsync(IngestSource, Stream, CancellationToken)"/>, refusing an instance of another study than <paramref name="requiredStudyUid"/> (STOW-RS to /studies/{uid}).</summary>
    public async Task<IngestResult> IngestAsync(IngestSource source, Stream part10, string? requiredStudyUid, CancellationToken ct)
    {
        var written = await WriteBlobAsync(source, null, part10, ct).ConfigureAwait(false);
        return written.Commit is null ? written.Failure! : await IndexAsync(source, written.Commit, null, ct, requiredStudyUid).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one PS3.10 instance from <paramref name="part10"/> into storage without making it durable yet, so a caller
    /// holding several instances (one STOW-RS request) can complete them together with <see cref="CompleteAsync"/>.
    /// A source that breaks leaves nothing (the exception propagates, as with <see cref="IngestAsync(IngestSource, Stream, string?, CancellationToken)"/>).
    /// </summary>
    public async Task<StagedInstance> StageAsync(IngestSource source, Stream part10, string? requiredStudyUid, CancellationToken ct)
    {
        var streamed = await StreamBlobAsync(source, null, part10, ct).ConfigureAwait(false);
        return new StagedInstance(source, requiredStudyUid, streamed.Write, streamed.Failure);
    }

    /// <summary>
    /// Completes staged instances: every blob made durable (their fsyncs side by side), then all of them indexed in one
    /// transaction — one durable commit instead of one per instance — in the order given, each by the same rules as
    /// one at a time (the first copy of a SOP Instance UID wins). Results come back in the same order.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> CompleteAsync(IReadOnlyList<StagedInstance> staged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var commits = await Task.WhenAll(staged.Select(s => s.Write is null
            ? Task.FromResult<(BlobCommit? Commit, IngestResult? Failure)>((null, s.Failure))
            : CommitBlobAsync(s.Write, ct))).ConfigureAwait(false);
        var results = new IngestResult?[staged.Count];
        var toAdd = new List<(int Index, InstanceRecord Record, BlobCommit Blob)>();
        for (var i = 0; i < staged.Count; i++)
        {
            if (commits[i].Commit is not { } blob)
            {
                results[i] = commits[i].Failure!;
                continue;
            }

            var prepared = await PrepareAsync(staged[i].Source, blob, null, staged[i].RequiredStudyUid, ct).ConfigureAwait(false);
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
                results[i] = await ConcludeAsync(staged[i].Source, record, blob, added[j], ct).ConfigureAwait(false);
            }
        }

        return results!;
    }

    /// <summary>
    /// Ingests a bare data set as DIMSE delivers it, with the transfer syntax of its presentation context and
    /// the SOP class and instance named by the C-STORE command; the stored object is a proper PS3.10 file.
    /// </summary>
    public async Task<IngestResult> IngestDatasetAsync(IngestSource source, Stream dataset, string transferSyntaxUid, string sopClassUid, string sopInstanceUid, CancellationToken ct)
    {
        var meta = BuildMetaHeader(transferSyntaxUid, sopClassUid, sopInstanceUid, source.CallingAeTitle);
        var written = await WriteBlobAsync(source, meta, dataset, ct).ConfigureAwait(false);
        return written.Commit is null ? written.Failure! : await IndexAsync(source, written.Commit, (sopClassUid, sopInstanceUid), ct).ConfigureAwait(false);
    }

    private async Task<(BlobCommit? Commit, IngestResult? Failure)> WriteBlobAsync(IngestSource source, byte[]? prefix, Stream content, CancellationToken ct)
    {
        var streamed = await StreamBlobAsync(source, prefix, content, ct).ConfigureAwait(false);
        return streamed.Write is null ? (null, streamed.Failure) : await CommitBlobAsync(streamed.Write, ct).ConfigureAwait(false);
    }

    /// <summary>Copies the content into a new blob write, not yet committed; on failure nothing is left behind.</summary>
    private async Task<(IBlobWrite? Write, IngestResult? Failure)> StreamBlobAsync(IngestSource source, byte[]? prefix, Stream content, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = $"{source.ClinicId}/{now:yyyy}/{now:MM}/{now:dd}/{Guid.CreateVersion7():N}.dcm";
        var write = await store.BeginWriteAsync(key, ct).ConfigureAwait(false);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            if (prefix is not null)
            {
                await write.WriteAsync(prefix, ct).ConfigureAwait(false);
            }

            int n;
            while ((n = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), ct).ConfigureAwait(false)) > 0)
            {
                await write.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
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
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes a streamed write durable (fsyncs on every site, or on the primary in queued mode) and disposes it.</summary>
    private static async Task<(BlobCommit? Commit, IngestResult? Failure)> CommitBlobAsync(IBlobWrite write, CancellationToken ct)
    {
        await using (write.ConfigureAwait(false))
        {
            try
            {
                return (await write.CommitAsync(ct).ConfigureAwait(false), null);
            }
            catch (BlobStoreException ex)
            {
                await write.AbortAsync(CancellationToken.None).ConfigureAwait(false);
                return (null, IngestResult.Rejected(IngestStatus.OutOfResources, "Storage is not available: " + ex.Message));
            }
            catch
            {
                await write.AbortAsync(CancellationToken.None).ConfigureAwait(false);
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
        return await ConcludeAsync(source, record, blob, added, ct).ConfigureAwait(false);
    }

    /// <summary>Reads the committed blob's header into an index record, or refuses it (the blob is then deleted).</summary>
    private async Task<(InstanceRecord? Record, IngestResult? Rejection)> PrepareAsync(
        IngestSource source, BlobCommit blob, (string SopClass, string SopInstance)? command, string? requiredStudyUid, CancellationToken ct)
    {
        InstanceRecord record;
        try
        {
            await using var stream = await OpenHeaderAsync(blob, ct).ConfigureAwait(false);
            var file = DicomReader.ReadFile(stream, DicomReaderOptions.HeaderOnly);
            var syntax = file.FileMetaInformation.GetStringOrDefault(DicomTags.TransferSyntaxUID)?.Trim() ?? file.TransferSyntax.Uid;
            record = InstanceRecord.FromHeader(source.ClinicId, file.Dataset, syntax);
        }
        catch (Exception ex) when (ex is DicomReadException or DicomDataException or Teleread.Dicom.CharacterSets.DicomCharacterSetException or FormatException)
        {
            await DeleteQuietlyAsync(blob.Key).ConfigureAwait(false);
            return (null, IngestResult.Rejected(IngestStatus.CannotUnderstand, "Not a readable DICOM instance: " + ex.Message, command?.SopClass, command?.SopInstance));
        }

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

        if (problem is not null)
        {
            await DeleteQuietlyAsync(blob.Key).ConfigureAwait(false);
            return (null, IngestResult.Rejected(command is null && !wrongStudy ? IngestStatus.CannotUnderstand : IngestStatus.DataSetDoesNotMatchSopClass, problem, record.SopClassUid, record.SopInstanceUid));
        }

        return (record, null);
    }

    /// <summary>After the index answered: a refused blob is deleted, a stored one is announced to the observers.</summary>
    private async Task<IngestResult> ConcludeAsync(IngestSource source, InstanceRecord record, BlobCommit blob, ArchiveIndex.AddResult added, CancellationToken ct)
    {
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
        catch (BlobStoreException)
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
