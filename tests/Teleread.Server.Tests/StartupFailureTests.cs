using System.Net;
using System.Net.Sockets;

namespace Teleread.Server.Tests;

/// <summary>`teleread serve` / `demo` on a port another program holds: one line saying which and what to do, exit code 1, nothing left listening.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_taken_DICOM_port_is_said_in_one_line_with_the_option_to_change_it_and_the_server_exits_with_1()
    {
        using var taken = Listen();
        var error = new StringWriter();

        var exit = await ServerRunner.RunAsync(Args("http://127.0.0.1:0", PortOf(taken)), demo: true, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Equal(
            $"teleread: Cannot listen for DICOM on 127.0.0.1:{PortOf(taken)}: the port is already in use by another program. " +
            "Is another Teleread (or a PACS) running? Stop it, or choose another port with --dicom-port.",
            error.ToString().TrimEnd());
    }

    [Fact]
    public async Task A_taken_HTTP_port_is_said_in_one_line_and_the_DICOM_listener_already_started_is_closed_again()
    {
        using var taken = Listen();
        var dicomPort = FreePort();
        var error = new StringWriter();

        var exit = await ServerRunner.RunAsync(Args($"http://127.0.0.1:{PortOf(taken)}", dicomPort), demo: false, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        var said = error.ToString().TrimEnd();
        Assert.StartsWith($"teleread: Failed to bind to address http://127.0.0.1:{PortOf(taken)}: address already in use.", said, StringComparison.Ordinal);
        Assert.EndsWith("Is another Teleread running? Stop it, or choose another address with --urls.", said, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', said);
        using var again = new TcpListener(IPAddress.Loopback, dicomPort);
        again.Start();
    }

    private static string[] Args(string url, int dicomPort) =>
        ["--urls", url, "--data", Directory.CreateTempSubdirectory("teleread-test-").FullName, "--dicom-port", dicomPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--shutdown-timeout", "5"];

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static int FreePort()
    {
        using var probe = Listen();
        return PortOf(probe);
    }
}
