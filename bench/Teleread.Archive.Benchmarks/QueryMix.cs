using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Archive.Benchmarks;

/// <summary>
/// Realistic study searches over <see cref="SyntheticIndex"/> data of the first clinic (even study numbers). QIDO-RS: name
/// prefix (romaji and kanji), full name, Patient ID, date range + modality, accession number and fuzzy given name, with limit=25 where
/// many studies match. C-FIND has no limit, so its mix is the narrower lookups a modality or viewer sends: Patient ID,
/// accession number, full name within a year, one day of one modality.
/// </summary>
internal static class QueryMix
{
    public static readonly string[] QidoShapes = ["name prefix", "kanji prefix", "full name", "patient id", "date+modality", "accession", "fuzzy name"];

    public static readonly string[] FindShapes = ["patient id", "accession", "name+year", "day+modality"];

    private static readonly string[] Modalities = ["CT", "MR", "CR", "US"];

    /// <summary>The matching keys of <paramref name="shape"/> for round <paramref name="round"/>, and whether QIDO asks fuzzy matching.</summary>
    public static (IReadOnlyList<(DicomTag Tag, string Value)> Keys, bool Fuzzy, int? Limit) Keys(string shape, int round, int studies)
    {
        var n = (int)((round * 7919L + 12345) % (studies / 2)) * 2;
        var name = SyntheticIndex.PatientName(n);
        var family = name.Split('^')[0];
        var month = new DateOnly(2016, 1, 1).AddMonths(round % 118);
        var modality = Modalities[round % Modalities.Length];
        return shape switch
        {
            "name prefix" => ([(DicomTags.PatientName, family[..3] + "*")], false, 25),
            "kanji prefix" => ([(DicomTags.PatientName, KanjiFamily(name) + "*")], false, 25),
            "full name" => ([(DicomTags.PatientName, name.Split('=')[0])], false, 25),
            "patient id" => ([(DicomTags.PatientID, SyntheticIndex.PatientId(n))], false, null),
            "date+modality" => ([(DicomTags.StudyDate, $"{month:yyyyMMdd}-{month.AddMonths(1).AddDays(-1):yyyyMMdd}"), (DicomTags.ModalitiesInStudy, modality)], false, 25),
            "accession" => ([(DicomTags.AccessionNumber, SyntheticIndex.AccessionNumber(n))], false, null),
            "fuzzy name" => ([(DicomTags.PatientName, name.Split('^', '=')[1])], true, 25),
            "name+year" => ([(DicomTags.PatientName, name.Split('=')[0]), (DicomTags.StudyDate, $"{2016 + round % 10}0101-{2016 + round % 10}1231")], false, null),
            _ => ([(DicomTags.StudyDate, month.AddDays(round % 28).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)), (DicomTags.ModalitiesInStudy, modality)], false, null),
        };
    }

    /// <summary>The same search as a QIDO-RS query string.</summary>
    public static string Qido(string shape, int round, int studies)
    {
        var (keys, fuzzy, limit) = Keys(shape, round, studies);
        var query = string.Join('&', keys.Select(k => $"{DicomDictionary.Find(k.Tag)!.Keyword}={Uri.EscapeDataString(k.Value)}"));
        return query + (fuzzy ? "&fuzzymatching=true" : "") + (limit is { } l ? $"&limit={l}" : "");
    }

    private static string KanjiFamily(string name) =>
        name.Split('=') is { Length: > 1 } groups ? groups[1].Split('^')[0] : name.Split('^')[0];
}
