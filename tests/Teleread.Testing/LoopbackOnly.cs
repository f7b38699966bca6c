using System.Net;
using System.Net.Sockets;

namespace Teleread.Testing;

/// <summary>
/// Keeps peers that bind to every interface (Orthanc 1.10, storescp, dcmqrscp) on loopback: builds
/// tools/test/loopback-bind.c once per run and hands out the LD_PRELOAD that rewrites bind(0.0.0.0) to 127.0.0.1.
/// Also gives free loopback ports for peers that need a number up front.
/// </summary>
public static class LoopbackOnly
{
    private static readonly Lazy<string> Shim = new(Build);

    /// <summary>Environment for a peer process: LD_PRELOAD of the shim and TCP_NODELAY=1 (see PEERS.md on Nagle).</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = Shim.Value,
        ["TCP_NODELAY"] = "1",
    };

    /// <summary>
    /// A loopback port free now, below Linux's ephemeral range (32768–60999): a port the kernel handed out would be free
    /// again once this returns, and the next outgoing connection of any process (a peer's HTTP client, storescu) may take
    /// it as its local port before the test's listener binds it ("the port is already in use", seen in CI).
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Build()
    {
        var source = Path.Combine(RepoPaths.Root, "tools", "test", "loopback-bind.c");
        var output = Path.Combine(Path.GetTempPath(), $"teleread-loopback-bind-{System.Environment.ProcessId}.so");
        var gcc = RequiredTool.Find("gcc", "gcc libc6-dev");
        var result = ProcessRunner.RunAsync(gcc, ["-shared", "-fPIC", "-o", output, source, "-ldl"]).GetAwaiter().GetResult();
        return result.ExitCode == 0 && File.Exists(output)
            ? output
            : throw new InvalidOperationException($"building {source} failed:\n{result.StandardError}");
    }
}
