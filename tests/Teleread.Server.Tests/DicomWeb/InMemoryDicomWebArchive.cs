using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Teleread.Dicom;
using Teleread.Identity;
using Teleread.Server.DicomWeb;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>
/// An <see cref="IDicomWebArchive"/> in memory for endpoint tests: keeps each stored file with the clinic of the caller
/// who sent it and answers queries with simple single-value, list, wildcard and date-range matching.
/// </summary>
public sealed class InMemoryDicomWebArchive : IDicomWebArchive
{
    private readonly ConcurrentDictionary<string, (string? Clinic, DicomWebInstance Instance, byte[] Bytes, DicomDataset Header)> _instances = new();

    public int Count => _instances.Count;

    public async Task<DicomWebStoreOutcome> StoreAsync(Caller caller, Stream instance, string? requiredStudyUid, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await instance.CopyToAsync(buffer, ct);
        DicomFile file;
        try
        {
            file = DicomFile.Open(new MemoryStream(buffer.ToArray()));
        }
        catch (Exception e) when (e is Teleread.Dicom.IO.DicomReadException or DicomDataException)
        {
            return DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.CannotUnderstand, e.Message);
        }

        var d = file.Dataset;
        var sopClass = d.GetStringOrDefault(DicomTags.SOPClassUID);
        var sop = d.GetStringOrDefault(DicomTags.SOPInstanceUID);
        var study = d.GetStringOrDefault(DicomTags.StudyInstanceUID);
        var series = d.GetStringOrDefault(DicomTags.SeriesInstanceUID);
        if (sopClass is null || sop is null || study is null || series is null)
        {
            return DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.CannotUnderstand, "UIDs missing.", sopClass, sop);
        }

        if (requiredStudyUid is not null && requiredStudyUid != study)
        {
            return DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.DatasetDoesNotMatch, "Study Instance UID differs from the request.", sopClass, sop);
        }

        var stored = new DicomWebInstance(study, series, sop, sopClass, file.TransferSyntax.Uid, sop);
        _instances[sop] = (caller.ClinicId, stored, buffer.ToArray(), d);
        return new DicomWebStoreOutcome(true, sopClass, sop, study, series, null, null, null);
    }

    public Task<IReadOnlyList<DicomDataset>> QueryAsync(Caller caller, DicomWebQuery query, CancellationToken ct)
    {
        var key = query.Level switch
        {
            DicomWebQueryLevel.Study => DicomTags.StudyInstanceUID,
            DicomWebQueryLevel.Series => DicomTags.SeriesInstanceUID,
            _ => DicomTags.SOPInstanceUID,
        };
        var results = Visible(caller)
            .Where(e => (query.StudyUid is null || e.Instance.StudyUid == query.StudyUid) && (query.SeriesUid is null || e.Instance.SeriesUid == query.SeriesUid))
            .Where(e => query.Matches.All(m => Matches(e.Header, m, query.FuzzyMatching)))
            .GroupBy(e => e.Header.GetString(key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Skip(query.Offset).Take(query.Limit)
            .Select(g => Result(g.First().Header, query))
            .ToList();
        return Task.FromResult<IReadOnlyList<DicomDataset>>(results);
    }

    public Task<IReadOnlyList<DicomWebInstance>> ListInstancesAsync(Caller caller, string studyUid, string? seriesUid, string? sopInstanceUid, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DicomWebInstance>>(Visible(caller)
            .Select(e => e.Instance)
            .Where(i => i.StudyUid == studyUid && (seriesUid is null || i.SeriesUid == seriesUid) && (sopInstanceUid is null || i.SopInstanceUid == sopInstanceUid))
            .OrderBy(i => i.SeriesUid, StringComparer.Ordinal).ThenBy(i => i.SopInstanceUid, StringComparer.Ordinal)
            .ToList());

    public Task<Stream> OpenAsync(DicomWebInstance instance, CancellationToken ct) =>
        Task.FromResult<Stream>(new MemoryStream(_instances[instance.StorageKey].Bytes, writable: false));

    private IEnumerable<(string? Clinic, DicomWebInstance Instance, byte[] Bytes, DicomDataset Header)> Visible(Caller caller) =>
        _instances.Values.Where(e => caller.IsOperator || (e.Clinic is not null && caller.CanSeeClinic(e.Clinic)));

    private static bool Matches(DicomDataset header, DicomWebMatch match, bool fuzzy)
    {
        var value = header.GetStringOrDefault(match.Tag) ?? "";
        if (match.Value.Length == 0)
        {
            return true;
        }

        if (match.Value.Contains('-', StringComparison.Ordinal) && match.Tag == DicomTags.StudyDate)
        {
            var range = match.Value.Split('-');
            return (range[0].Length == 0 || string.CompareOrdinal(value, range[0]) >= 0) && (range[1].Length == 0 || string.CompareOrdinal(value, range[1]) <= 0);
        }

        if (fuzzy && match.Tag == DicomTags.PatientName)
        {
            return value.Split('^', ' ').Any(part => part.StartsWith(match.Value, StringComparison.OrdinalIgnoreCase));
        }

        return match.Value.Split('\\').Any(v => Regex.IsMatch(value, "^" + Regex.Escape(v).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$"));
    }

    private static DicomDataset Result(DicomDataset header, DicomWebQuery query)
    {
        var result = new DicomDataset();
        var tags = new List<DicomTag> { DicomTags.SpecificCharacterSet, DicomTags.StudyInstanceUID, DicomTags.PatientName, DicomTags.PatientID, DicomTags.StudyDate };
        if (query.Level != DicomWebQueryLevel.Study)
        {
            tags.AddRange([DicomTags.SeriesInstanceUID, DicomTags.Modality]);
        }

        if (query.Level == DicomWebQueryLevel.Instance)
        {
            tags.AddRange([DicomTags.SOPClassUID, DicomTags.SOPInstanceUID, DicomTags.InstanceNumber]);
        }

        tags.AddRange(query.IncludeFields);
        tags.AddRange(query.Matches.Select(m => m.Tag));
        foreach (var tag in tags.Distinct())
        {
            if (header.Get(tag) is { } attribute)
            {
                result.AddOrUpdate(attribute);
            }
        }

        return result;
    }
}
