using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Json;
using Teleread.Dicom.Json.Xml;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom xml FILE`: the data set in the Native DICOM Model (PS3.19 Annex A) on stdout.</summary>
public sealed class DicomXmlCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "xml"];

    public string Summary => "Print a DICOM file's data set as Native DICOM Model XML (PS3.19 Annex A)";

    public string Usage => """
        usage: teleread dicom xml FILE [--inline] [--threshold BYTES] [--indent]
          Binary values longer than the threshold (default 1024 bytes) are written as
          <BulkData uri="file:///FILE?offset=N&length=M"/> (the byte range in FILE).
          --inline      write every binary value as <InlineBinary> (base64)
          --threshold   largest binary value written inline
          --indent      indent the output
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, ["inline", "indent"]);
        if (parsed.Positionals.Count != 1)
        {
            throw new CliUsageException("expected exactly one FILE");
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"teleread dicom xml: {path}: no such file");
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
            DicomXmlWriter.Write(stdout, file.Dataset, options);
            stdout.WriteByte((byte)'\n');
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is DicomReadException or DicomDataException or DicomJsonException)
        {
            Console.Error.WriteLine($"teleread dicom xml: {path}: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
