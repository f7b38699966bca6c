using Teleread.Dicom;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.IO;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom transcode IN OUT --ts SYNTAX`: rewrites a file in another transfer syntax.</summary>
public sealed class DicomTranscodeCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "transcode"];

    public string Summary => "Rewrite a DICOM file in another transfer syntax (uncompressed, deflated, RLE Lossless)";

    public string Usage => """
        usage: teleread dicom transcode IN OUT --ts SYNTAX
          --ts SYNTAX   a transfer syntax UID, or one of:
                        implicit  Implicit VR Little Endian (1.2.840.10008.1.2)
                        explicit  Explicit VR Little Endian (1.2.840.10008.1.2.1)
                        big       Explicit VR Big Endian (1.2.840.10008.1.2.2)
                        deflated  Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99)
                        rle       RLE Lossless (1.2.840.10008.1.2.5)
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count != 2) throw new CliUsageException("expected IN and OUT");
        var target = ParseSyntax(parsed.Option("ts") ?? throw new CliUsageException("--ts is required"));
        var (input, output) = (parsed.Positionals[0], parsed.Positionals[1]);
        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"teleread dicom transcode: {input}: no such file");
            return Task.FromResult(1);
        }

        try
        {
            DicomTranscoder.Transcode(input, output, target);
            return Task.FromResult(0);
        }
        catch (Exception e) when (e is DicomReadException or DicomDataException or DicomImagingException)
        {
            Console.Error.WriteLine($"teleread dicom transcode: {input}: {e.Message}");
            return Task.FromResult(1);
        }
    }

    internal static DicomTransferSyntax ParseSyntax(string value) => value.ToLowerInvariant() switch
    {
        "implicit" => DicomTransferSyntax.ImplicitVRLittleEndian,
        "explicit" => DicomTransferSyntax.ExplicitVRLittleEndian,
        "big" => DicomTransferSyntax.ExplicitVRBigEndian,
        "deflated" => DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
        "rle" => DicomTransferSyntax.RLELossless,
        _ when DicomTransferSyntax.Lookup(value) is { IsKnown: true } known => known,
        _ => throw new CliUsageException($"--ts '{value}' is neither a known transfer syntax UID nor implicit|explicit|big|deflated|rle"),
    };
}
