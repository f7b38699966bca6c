using Teleread.Dicom.Json;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom json FILE`: the data set in the DICOM JSON Model (PS3.18 Annex F) on stdout.</summary>
public sealed class DicomJsonCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "json"];

    public string Summary => "Print a DICOM file's data set as DICOM JSON (PS3.18 Annex F)";

    public string Usage => """
        usage: teleread dicom json FILE [--inline] [--threshold BYTES] [--indent]
          Values longer than the threshold (default 1024 bytes) that are binary (pixel data, OB/OW/...)
          are written as "BulkDataURI": "file:///FILE?offset=N&length=M" (the byte range in FILE).
          --inline      write every binary value as "InlineBinary" (base64)
          --threshold   largest binary value written inline
          --indent      indent the output
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        DatasetPrinting.RunAsync("dicom json", args, DicomJsonWriter.Write);
}
