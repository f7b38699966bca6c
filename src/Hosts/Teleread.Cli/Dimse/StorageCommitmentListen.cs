using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Dimse;

/// <summary>
/// `--listen PORT [--listen-aet AE] [--listen-host ADDRESS]` of `dicom commit` and `dicom store --commit`: where a node that
/// reports storage commitment on a new association (e.g. Orthanc) reaches us. Reports are taken from the AE we called (--aec).
/// </summary>
public sealed record StorageCommitmentListen(IPAddress Host, int Port, string AeTitle)
{
    public const string OptionsUsage = """
          --listen PORT  also take the report on a new association the node opens to us on this port
                         (the node must know us as --listen-aet at --listen-host and PORT; reports are
                         accepted only from the AE we called, --aec)
          --listen-aet AE     our AE title for that association (default: --aet)
          --listen-host ADDR  address to listen on (default 127.0.0.1)

        """;

    /// <summary>The listen options, or null without --listen.</summary>
    public static StorageCommitmentListen? From(CliArguments parsed, DicomNode node)
    {
        if (parsed.Option("listen") is not { } portText)
        {
            if (parsed.Option("listen-aet") is not null || parsed.Option("listen-host") is not null)
            {
                throw new CliUsageException("--listen-aet and --listen-host need --listen PORT");
            }

            return null;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new CliUsageException($"--listen expects a port from 1 to 65535, got '{portText}'");
        }

        var hostText = parsed.Option("listen-host") ?? "127.0.0.1";
        if (!IPAddress.TryParse(hostText, out var host))
        {
            throw new CliUsageException($"--listen-host expects an IP address, got '{hostText}'");
        }

        return new StorageCommitmentListen(host, port, parsed.Option("listen-aet") ?? node.CallingAeTitle);
    }

    /// <summary>Starts the listener; null (after one line on stderr) when the port cannot be bound.</summary>
    public DicomStorageCommitmentListener? Start(string command, DicomNode node)
    {
        try
        {
            return new DicomStorageCommitmentListener(new DicomStorageCommitmentListenerOptions
            {
                AeTitle = AeTitle,
                PeerAeTitles = [node.CalledAeTitle],
                BindAddress = Host,
                Port = Port,
                Timeouts = new DicomAssociationTimeouts { Artim = node.Timeout, Idle = node.Timeout },
            });
        }
        catch (DicomListenException ex)
        {
            var why = ex.SocketError == SocketError.AddressAlreadyInUse ? "the port is already in use" : ex.InnerException!.Message;
            Console.Error.WriteLine($"teleread {command}: cannot listen on {Host}:{Port}: {why}");
            return null;
        }
    }
}
