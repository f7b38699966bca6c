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

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        DatasetPrinting.RunAsync("dicom xml", args, DicomXmlWriter.Write);
}
