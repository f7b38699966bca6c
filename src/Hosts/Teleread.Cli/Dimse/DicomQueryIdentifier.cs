using Teleread.Dicom;

namespace Teleread.Cli.Dimse;

/// <summary>
/// The identifier of a C-FIND or C-MOVE from the command line, like findscu/movescu: --level, --root and
/// repeated -k KEY[=VALUE] (KEY a keyword, gggg,eeee or (gggg,eeee); without a value it is a return key).
/// </summary>
public sealed class DicomQueryIdentifier
{
    public const string OptionsUsage = """
          --level L      PATIENT, STUDY (default), SERIES or IMAGE
          --root R       study (default) or patient: the query/retrieve information model
          -k KEY[=VAL]   a matching key (with a value) or a return key (without), e.g. -k PatientName=DOE^*
                         -k StudyDate=20240101-20241231 -k 0020,000D; repeat for each key

        """;

    private static readonly Dictionary<string, DicomTag[]> DefaultReturnKeys = new(StringComparer.Ordinal)
    {
        ["PATIENT"] = [DicomTags.PatientID, DicomTags.PatientName, DicomTags.PatientBirthDate, DicomTags.PatientSex],
        ["STUDY"] = [DicomTags.StudyInstanceUID, DicomTags.StudyDate, DicomTags.AccessionNumber, DicomTags.PatientID, DicomTags.PatientName, DicomTags.StudyDescription],
        ["SERIES"] = [DicomTags.SeriesInstanceUID, DicomTags.Modality, DicomTags.SeriesNumber, DicomTags.SeriesDescription],
        ["IMAGE"] = [DicomTags.SOPInstanceUID, DicomTags.SOPClassUID, DicomTags.InstanceNumber],
    };

    private DicomQueryIdentifier(string level, bool patientRoot, DicomDataset dataset, IReadOnlyList<DicomTag> columns)
    {
        Level = level;
        PatientRoot = patientRoot;
        Dataset = dataset;
        Columns = columns;
    }

    public string Level { get; }

    public bool PatientRoot { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The keys in the order asked (defaults of the level first), for a table.</summary>
    public IReadOnlyList<DicomTag> Columns { get; }

    public string FindSopClass => PatientRoot ? DicomUids.PatientRootQueryRetrieveInformationModelFind : DicomUids.StudyRootQueryRetrieveInformationModelFind;

    public string MoveSopClass => PatientRoot ? DicomUids.PatientRootQueryRetrieveInformationModelMove : DicomUids.StudyRootQueryRetrieveInformationModelMove;

    /// <summary>-k becomes --key, so <see cref="CliArguments"/> can parse it.</summary>
    public static IReadOnlyList<string> RewriteShortKeys(IReadOnlyList<string> args) => args.Select(a => a == "-k" ? "--key" : a).ToList();

    /// <param name="withDefaultReturnKeys">Add the level's usual return keys (find) or only what was asked (move).</param>
    public static DicomQueryIdentifier From(CliArguments parsed, bool withDefaultReturnKeys)
    {
        var keys = new List<(DicomTag Tag, string? Value)>();
        foreach (var key in parsed.Options("key"))
        {
            var eq = key.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? key : key[..eq];
            if (!DicomTag.TryParse(name.Trim(), out var tag))
            {
                throw new CliUsageException($"-k {key}: '{name}' is neither a dictionary keyword nor gggg,eeee");
            }

            keys.Add((tag, eq < 0 ? null : key[(eq + 1)..]));
        }

        var level = (parsed.Option("level") ?? keys.LastOrDefault(k => k.Tag == DicomTags.QueryRetrieveLevel && k.Value is not null).Value ?? "STUDY").Trim().ToUpperInvariant();
        if (!DefaultReturnKeys.ContainsKey(level))
        {
            throw new CliUsageException($"--level {level}: expected PATIENT, STUDY, SERIES or IMAGE");
        }

        var root = (parsed.Option("root") ?? "study").ToLowerInvariant();
        if (root is not ("study" or "patient"))
        {
            throw new CliUsageException($"--root {root}: expected study or patient");
        }

        if (root == "study" && level == "PATIENT")
        {
            throw new CliUsageException("the PATIENT level needs --root patient");
        }

        var dataset = new DicomDataset();
        if (keys.Any(k => k.Value is { } v && v.Any(c => c > 0x7F)))
        {
            dataset.AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        }

        dataset.AddOrUpdate(DicomTags.QueryRetrieveLevel, level);
        var columns = new List<DicomTag>();
        foreach (var tag in withDefaultReturnKeys ? DefaultReturnKeys[level] : [])
        {
            dataset.AddOrUpdate(tag);
            columns.Add(tag);
        }

        foreach (var (tag, value) in keys.Where(k => k.Tag != DicomTags.QueryRetrieveLevel))
        {
            try
            {
                dataset.AddOrUpdate(tag, value is null ? [] : [value]);
            }
            catch (DicomDataException ex)
            {
                throw new CliUsageException($"-k {tag}: {ex.Message}");
            }

            if (!columns.Contains(tag))
            {
                columns.Add(tag);
            }
        }

        return new DicomQueryIdentifier(level, root == "patient", dataset, columns);
    }
}
