using Teleread.Archive;
using Teleread.Archive.Query;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>
/// Instances named by a C-MOVE/C-GET identifier (study, series or instance UIDs; at PATIENT level the studies of the
/// Patient ID), as sources for C-STORE sub-operations. Only metadata is listed: each instance is opened when its turn comes.
/// </summary>
public static class DimseInstanceSources
{
    public static async Task<IReadOnlyList<DicomInstanceSource>> FindAsync(RetrieveService retrieve, StudyQueryService queries, ArchiveAccess access, DicomDataset identifier, CancellationToken ct)
    {
        static string[] Uids(DicomDataset ds, DicomTag tag) => ds.GetStrings(tag).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        var studies = Uids(identifier, DicomTags.StudyInstanceUID);
        var patientId = identifier.GetStringOrDefault(DicomTags.PatientID)?.Trim();
        if (studies.Length == 0 && !string.IsNullOrEmpty(patientId) && !patientId.Contains('*') && !patientId.Contains('?'))
        {
            // Patient level (Patient Root): every study of exactly this patient ID.
            var query = new StudyQuery { Level = QueryLevel.Study, Limit = StudyQueryService.MaxResults };
            query.Keys[DicomTags.PatientID] = patientId;
            studies = (await queries.QueryAsync(access, query, ct).ConfigureAwait(false))
                .Select(m => m.GetStringOrDefault(DicomTags.StudyInstanceUID) ?? "").Where(u => u.Length > 0).Distinct().ToArray();
        }

        var series = Uids(identifier, DicomTags.SeriesInstanceUID);
        var sops = Uids(identifier, DicomTags.SOPInstanceUID);
        var result = new List<DicomInstanceSource>();
        foreach (var study in studies)
        {
            foreach (var instance in await retrieve.ListInstancesAsync(access, study, null, null, ct).ConfigureAwait(false))
            {
                if ((series.Length > 0 && !series.Contains(instance.SeriesUid)) || (sops.Length > 0 && !sops.Contains(instance.SopInstanceUid)))
                {
                    continue;
                }

                result.Add(new DicomInstanceSource(instance.SopClassUid, instance.SopInstanceUid, instance.TransferSyntaxUid,
                    async token => await Part10DataSet.OpenAsync(await retrieve.OpenAsync(instance, token).ConfigureAwait(false), token).ConfigureAwait(false)));
            }
        }

        return result;
    }
}
