using Teleread.Archive;
using Teleread.Archive.Ingest;
using Teleread.Archive.Query;
using Teleread.Dicom;
using Teleread.Server.Demo;

namespace Teleread.Server.Archive;

/// <summary>Loads the demo's sample files through the normal ingest path, as the clinic's own uploads, and says which studies they made.</summary>
public sealed class DemoStudyImporter(IngestService ingest, StudyQueryService query) : IDemoStudyImporter
{
    public async Task<IReadOnlyList<DemoStudy>> ImportAsync(string clinicId, IReadOnlyList<string> files, CancellationToken ct)
    {
        var studyUids = new List<string>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var result = await ingest.IngestAsync(new IngestSource(clinicId, IngestOrigin.Demo), stream, ct).ConfigureAwait(false);
            if (result.Succeeded && result.StudyInstanceUid is { } uid && !studyUids.Contains(uid))
            {
                studyUids.Add(uid);
            }
        }

        var studies = new List<DemoStudy>();
        foreach (var uid in studyUids)
        {
            var found = await query.QueryAsync(ArchiveAccess.Clinic(clinicId), new StudyQuery { StudyInstanceUid = uid, Limit = 1 }, ct).ConfigureAwait(false);
            if (found is [var ds])
            {
                var patient = ds.GetStringOrDefault(DicomTags.PatientID);
                studies.Add(new DemoStudy(uid, string.IsNullOrWhiteSpace(patient) ? $"DEMO-{studies.Count + 1}" : patient, ds.GetStrings(DicomTags.ModalitiesInStudy),
                    ds.GetStringOrDefault(DicomTags.StudyDescription) ?? ""));
            }
        }

        return studies;
    }
}
