using Teleread.Dicom;
using Teleread.Dicom.Deidentification;
using Teleread.Dicom.IO;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom anonymize IN OUT`: PS3.15 Basic Profile de-identification of a file or a directory tree, one UID map for all.</summary>
public sealed class DicomAnonymizeCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "anonymize"];

    public string Summary => "De-identify DICOM files (PS3.15 Basic Application Level Confidentiality Profile)";

    public string Usage => """
        usage: teleread dicom anonymize IN OUT [--keep uids|dates|modified-dates|device|institution|characteristics|private ...]
                                       [--clean descriptors|structured|graphics ...] [--patient-id X] [--patient-name Y]
                                       [--key SECRET] [--uid-map FILE]
          IN, OUT       a file, or a directory (every file below it, same relative paths, UIDs consistent across files)
          --key         secret for the UID mapping: the same key maps the same UID the same way in every run (default: random)
          --uid-map     load this UID map if it exists and save it afterwards
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count != 2)
        {
            throw new CliUsageException("expected IN and OUT");
        }

        var (input, output) = (parsed.Positionals[0], parsed.Positionals[1]);
        var keep = parsed.Options("keep").SelectMany(v => v.Split(',')).ToHashSet(StringComparer.Ordinal);
        var clean = parsed.Options("clean").SelectMany(v => v.Split(',')).ToHashSet(StringComparer.Ordinal);
        string[] keepWords = ["uids", "dates", "modified-dates", "device", "institution", "characteristics", "private"];
        string[] cleanWords = ["descriptors", "structured", "graphics"];
        if (keep.FirstOrDefault(k => !keepWords.Contains(k)) is { } badKeep)
        {
            throw new CliUsageException($"--keep {badKeep}: expected one of {string.Join(", ", keepWords)}");
        }

        if (clean.FirstOrDefault(c => !cleanWords.Contains(c)) is { } badClean)
        {
            throw new CliUsageException($"--clean {badClean}: expected one of {string.Join(", ", cleanWords)}");
        }

        var options = new DicomDeidentificationOptions
        {
            RetainUids = keep.Contains("uids"),
            RetainFullDates = keep.Contains("dates"),
            RetainModifiedDates = keep.Contains("modified-dates"),
            RetainDeviceIdentity = keep.Contains("device"),
            RetainInstitutionIdentity = keep.Contains("institution"),
            RetainPatientCharacteristics = keep.Contains("characteristics"),
            RetainSafePrivate = keep.Contains("private"),
            CleanDescriptors = clean.Contains("descriptors"),
            CleanStructuredContent = clean.Contains("structured"),
            CleanGraphics = clean.Contains("graphics"),
            PatientIdPseudonym = parsed.Option("patient-id"),
            PatientNamePseudonym = parsed.Option("patient-name"),
        };
        var map = parsed.Option("key") is { } key ? new DicomUidMap(key) : DicomUidMap.WithRandomKey();
        var mapPath = parsed.Option("uid-map");
        if (mapPath is not null && File.Exists(mapPath))
        {
            using var reader = File.OpenText(mapPath);
            map.Load(reader);
        }

        var pairs = Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (In: f, Out: System.IO.Path.Combine(output, System.IO.Path.GetRelativePath(input, f)))).ToList()
            : File.Exists(input) ? [(In: input, Out: output)] : throw new CliUsageException($"{input}: no such file or directory");

        var deidentifier = new DicomDeidentifier(options, map);
        var failures = 0;
        foreach (var (from, to) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var file = DicomFile.Open(from);
                var result = deidentifier.Deidentify(file);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(to))!);
                file.Save(to);
                Console.Out.WriteLine($"{from} -> {to}: {result.Removed} removed, {result.Replaced} replaced");
                foreach (var warning in result.Warnings)
                {
                    Console.Out.WriteLine($"  warning: {warning}");
                }
            }
            catch (Exception ex) when (ex is DicomReadException or DicomDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"teleread dicom anonymize: {from}: {ex.Message}");
                failures++;
            }
        }

        if (mapPath is not null)
        {
            await using var writer = File.CreateText(mapPath);
            map.Save(writer);
        }

        return failures == 0 ? 0 : 1;
    }
}
