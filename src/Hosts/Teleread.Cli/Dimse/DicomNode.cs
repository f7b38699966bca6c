using System.Globalization;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Dimse;

/// <summary>
/// The remote node of a `teleread dicom` network command: HOST PORT positionals and the options every
/// such command shares (--aet, --aec, --timeout), turned into a <see cref="DicomClient"/>.
/// </summary>
public sealed record DicomNode(string Host, int Port, string CallingAeTitle, string CalledAeTitle, TimeSpan Timeout)
{
    /// <summary>Usage lines shared by the commands.</summary>
    public const string OptionsUsage = """
          --aet AE       our (calling) AE title (default TELEREAD)
          --aec AE       the called AE title (default ANY-SCP)
          --timeout S    seconds to wait for the connection, the association answer and each PDU (default 30)

        """;

    /// <summary>Reads HOST and PORT from the first two positionals.</summary>
    public static DicomNode From(CliArguments parsed)
    {
        if (parsed.Positionals.Count < 2
            || !int.TryParse(parsed.Positionals[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new CliUsageException("expected HOST and a numeric PORT");
        }

        var seconds = parsed.IntOption("timeout", 30);
        if (seconds <= 0)
        {
            throw new CliUsageException("--timeout must be positive");
        }

        return new DicomNode(parsed.Positionals[0], port, parsed.Option("aet") ?? "TELEREAD", parsed.Option("aec") ?? "ANY-SCP", TimeSpan.FromSeconds(seconds));
    }

    public override string ToString() => $"{CalledAeTitle}@{Host}:{Port}";

    public async Task<DicomScu> OpenAsync(IReadOnlyList<DicomPresentationContextProposal> proposals, CancellationToken cancellationToken)
    {
        var client = new DicomClient(new DicomClientOptions
        {
            CallingAeTitle = CallingAeTitle,
            CalledAeTitle = CalledAeTitle,
            ConnectTimeout = Timeout,
            Timeouts = new DicomAssociationTimeouts { Artim = Timeout, Idle = Timeout },
        });
        return new DicomScu(await client.OpenAssociationAsync(Host, Port, proposals, cancellationToken).ConfigureAwait(false));
    }
}
