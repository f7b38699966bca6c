using Teleread.Cli.Dimse;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom echo HOST PORT`: C-ECHO a DICOM node (like echoscu).</summary>
public sealed class DicomEchoCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "echo"];

    public string Summary => "Verify a DICOM node with C-ECHO (like echoscu)";

    public string Usage => """
        usage: teleread dicom echo HOST PORT [--aet AE] [--aec AE] [--timeout S] [--repeat N]
        """ + "\n" + DicomNode.OptionsUsage + """
          --repeat N     send N echoes on one association (default 1)
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        var node = DicomNode.From(parsed);
        if (parsed.Positionals.Count != 2)
        {
            throw new CliUsageException("expected HOST and a numeric PORT");
        }

        try
        {
            var scu = await node.OpenAsync([new DicomPresentationContextProposal(DicomUids.Verification, DicomUids.ImplicitVRLittleEndian)], cancellationToken).ConfigureAwait(false);
            var failures = 0;
            for (var i = parsed.IntOption("repeat", 1); i > 0; i--)
            {
                var status = await scu.EchoAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"C-ECHO status {status}{(status.IsSuccess ? " (Success)" : "")}");
                failures += status.IsSuccess ? 0 : 1;
            }

            await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            return failures == 0 ? 0 : 1;
        }
        catch (Exception ex) when (DicomNetworkErrors.IsExpected(ex, cancellationToken) || ex is InvalidOperationException)
        {
            Console.Error.WriteLine($"teleread dicom echo: {DicomNetworkErrors.Describe(ex, node)}");
            return 1;
        }
    }
}
