using Teleread.Archive.Index;
using Teleread.Archive.Ingest;
using Teleread.Archive.Query;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Identity;
using Teleread.Server.Archive;

namespace Teleread.Server.DicomWeb;

/// <summary>The DICOMweb endpoints' port onto the archive: one ingest, one study query, one retrieve, always through the caller's access.</summary>
public sealed class ArchiveDicomWebArchive(IngestService ingest, StudyQueryService queries, RetrieveService retrieve, ArchiveAccessResolver access) : IDicomWebArchive
{
    public async Task<DicomWebStoreOutcome> StoreAsync(Caller caller, Stream instance, string? requiredStudyUid, CancellationToken ct)
    {
        await using var batch = BeginStore(caller, requiredStudyUid);
        await batch.AddAsync(instance, ct).ConfigureAwait(false);
        return (await batch.FlushAsync(ct).ConfigureAwait(false)).Single();
    }

    public IDicomWebStoreBatch BeginStore(Caller caller, string? requiredStudyUid) => new ArchiveStoreBatch(ingest, caller, requiredStudyUid);

    public async Task<IReadOnlyList<DicomDataset>> QueryAsync(Caller caller, DicomWebQuery query, CancellationToken ct)
    {
        var study = new StudyQuery
        {
            Level = query.Level switch { DicomWebQueryLevel.Series => QueryLevel.Series, DicomWebQueryLevel.Instance => QueryLevel.Image, _ => QueryLevel.Study },
            StudyInstanceUid = query.StudyUid,
            SeriesInstanceUid = query.SeriesUid,
            FuzzyNames = query.FuzzyMatching,
            Limit = query.Limit,
            Offset = query.Offset,
        };
        foreach (var match in query.Matches)
        {
            if (match.Sequences is not null && !(match.Sequences.Count == 1 && StudyQueryService.CanMatch(match.Tag, match.Sequences[0])))
            {
                throw DicomWebRequestException.BadRequest($"Matching on '{match.Name}' is not supported: inside sequences the archive index keeps only " +
                    "RequestAttributesSequence.RequestedProcedureID and RequestAttributesSequence.ScheduledProcedureStepID (first item).");
            }

            if (match.Sequences is null && !StudyQueryService.CanMatch(match.Tag))
            {
                continue; // answered with a Warning (UnsupportedMatches)
            }

            // UID lists may be comma- or backslash-separated, or the key repeated (PS3.18 8.3.4.1).
            var value = DicomDictionary.DefaultVR(match.Tag) == DicomVR.UI ? match.Value.Replace(',', '\\') : match.Value;
            study.Keys[match.Tag] = study.Keys.TryGetValue(match.Tag, out var earlier) && DicomDictionary.DefaultVR(match.Tag) == DicomVR.UI ? earlier + "\\" + value : value;
        }

        return await queries.QueryAsync(await access.ResolveAsync(caller, ct).ConfigureAwait(false), study, ct).ConfigureAwait(false);
    }

    public IReadOnlyList<DicomWebMatch> UnsupportedMatches(DicomWebQuery query) =>
        [.. query.Matches.Where(m => m.Sequences is null && !StudyQueryService.CanMatch(m.Tag))];

    public async Task<IReadOnlyList<DicomWebInstance>> ListInstancesAsync(Caller caller, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct)
    {
        var instances = await retrieve.ListInstancesAsync(await access.ResolveAsync(caller, ct).ConfigureAwait(false), studyUid, seriesUid, sopInstanceUid, ct).ConfigureAwait(false);
        return instances.Select(i => new DicomWebInstance(i.StudyUid, i.SeriesUid, i.SopInstanceUid, i.SopClassUid, i.TransferSyntaxUid,
            string.Join('|', i.ClinicId, i.BlobKey, i.BlobSha256, i.BlobXxh3 ?? ""), i.BlobLength)).ToList();
    }

    public Task<Stream> OpenAsync(DicomWebInstance instance, CancellationToken ct)
    {
        // StorageKey comes from ListInstancesAsync above, which already applied the caller's access.
        var parts = instance.StorageKey.Split('|');
        var stored = new StoredInstance(parts[0], instance.StudyUid, instance.SeriesUid, instance.SopInstanceUid, instance.SopClassUid,
            instance.TransferSyntaxUid, "", 1, 0, 0, parts[1], instance.Length, parts[2], parts[3].Length > 0 ? parts[3] : null);
        return retrieve.OpenAsync(stored, ct);
    }
}
