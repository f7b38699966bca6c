using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Json;

namespace Teleread.Cli.Commands;

/// <summary>
/// What `dicom json` and `dicom xml` share: FILE and the bulk-data flags read alike, the file opened with large binary
/// values left in it (then named by a file:// URI with their byte range) or read whole (--inline), one line on stderr for
/// a missing or unreadable file. Only the writer differs.
/// </summary>
internal static class DatasetPrinting
{
    public static Task<int> RunAsync(string command, IReadOnlyList<string> args, Action<Stream, DicomDataset, DicomJsonWriterOptions> write)
    {
        var parsed = new CliArguments(args, ["inline", "indent"]);
        if (parsed.Positionals.Count != 1)
        {
            throw new CliUsageException("expected exactly one FILE");
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"teleread {command}: {path}: no such file");
            return Task.FromResult(1);
        }

        var threshold = parsed.IntOption("threshold", 1024);
        var inline = parsed.Flag("inline");
        try
        {
            var file = DicomFile.Open(path, new DicomReaderOptions { BulkDataThreshold = inline ? long.MaxValue : threshold });
            var options = new DicomJsonWriterOptions
            {
                Indented = parsed.Flag("indent"),
                InlineBinaryThreshold = threshold,
                BulkDataUri = inline ? null : DicomFileBulkDataUri.For,
            };
            using var stdout = Console.OpenStandardOutput();
            write(stdout, file.Dataset, options);
            stdout.WriteByte((byte)'\n');
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is DicomReadException or DicomDataException or DicomJsonException)
        {
            Console.Error.WriteLine($"teleread {command}: {path}: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
