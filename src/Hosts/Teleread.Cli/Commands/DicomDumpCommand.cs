using Teleread.Dicom;
using Teleread.Dicom.IO;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom dump FILE`: prints a file's meta group and data set, dcmdump style.</summary>
public sealed class DicomDumpCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "dump"];

    public string Summary => "Print the elements of a DICOM file (like dcmdump)";

    public string Usage => """
        usage: teleread dicom dump FILE [--header-only]
          --header-only   stop before Pixel Data (7FE0,0010)
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, ["header-only"]);
        if (parsed.Positionals.Count != 1)
        {
            throw new CliUsageException("expected exactly one FILE");
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"teleread dicom dump: {path}: no such file");
            return Task.FromResult(1);
        }

        try
        {
            var options = parsed.Flag("header-only") ? DicomReaderOptions.HeaderOnly : new DicomReaderOptions { BulkDataThreshold = 16 * 1024 * 1024 };
            DicomDumper.Dump(DicomReader.ReadFile(path, options), Console.Out);
            return Task.FromResult(0);
        }
        catch (DicomReadException ex)
        {
            Console.Error.WriteLine($"teleread dicom dump: {path}: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
