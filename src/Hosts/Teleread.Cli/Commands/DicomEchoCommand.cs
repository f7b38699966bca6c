using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom echo HOST PORT`: C-ECHO a DICOM node (like echoscu).</summary>
public sealed class DicomEchoCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "echo"];

    public string Summary => "Verify a DICOM node with C-ECHO (like echoscu)";

    public string Usage => """
        usage: teleread dicom echo HOST PORT [--aet AE] [--aec AE] [--repeat N]
          --aet AE     our (calling) AE title (default TELEREAD)
          --aec AE     the called AE title (default ANY-SCP)
          --repeat N   send N echoes on one association (default 1)
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count != 2 || !int.TryParse(parsed.Positionals[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new CliUsageException("expected HOST and a numeric PORT");
        }

        var client = new DicomClient(new DicomClientOptions
        {
            CallingAeTitle = parsed.Option("aet") ?? "TELEREAD",
            CalledAeTitle = parsed.Option("aec") ?? "ANY-SCP",
        });
        try
        {
            var scu = new DicomScu(await client.OpenAssociationAsync(parsed.Positionals[0], port,
                [new DicomPresentationContextProposal(DicomUids.Verification, DicomUids.ImplicitVRLittleEndian)], cancellationToken).ConfigureAwait(false));
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
        catch (Exception ex) when (ex is DicomAssociationRejectedException or DicomAssociationAbortedException or DicomNetworkProtocolException
            or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            Console.Error.WriteLine($"teleread dicom echo: {ex.Message}");
            return 1;
        }
    }
}
