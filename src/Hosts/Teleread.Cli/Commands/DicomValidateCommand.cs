using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Validation;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom validate FILE...`: IOD (required attributes) and value checks; exit 1 if any error.</summary>
public sealed class DicomValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "validate"];

    public string Summary => "Check DICOM files against their IOD's required attributes and VR rules";

    public string Usage => """
        usage: teleread dicom validate FILE...
          prints a report per file; exits 1 if any file has an error
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count == 0)
        {
            throw new CliUsageException("expected at least one FILE");
        }

        var failed = false;
        foreach (var path in parsed.Positionals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var report = DicomValidator.Validate(DicomFile.Open(path));
                Console.Out.Write(report.ToText(path));
                failed |= report.HasErrors;
            }
            catch (Exception ex) when (ex is DicomReadException or DicomDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"teleread dicom validate: {path}: {ex.Message}");
                failed = true;
            }
        }

        return Task.FromResult(failed ? 1 : 0);
    }
}
