using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>
/// DCMTK's storescp as a clinic's DICOM node: bit-preserving, on a free port, addressed only at 127.0.0.1
/// (Debian's storescp cannot bind to loopback alone). Started and waited for until it accepts connections.
/// </summary>
public sealed class StoreScpProcess : IAsyncDisposable
{
    private readonly Process _process;

    private StoreScpProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public IReadOnlyList<string> ReceivedFiles => System.IO.Directory.GetFiles(Directory).Order(StringComparer.Ordinal).ToList();

    public static async Task<StoreScpProcess> StartAsync(string aeTitle)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("teleread-storescp-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo(RequiredTool.Find("storescp", "dcmtk"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-aet", aeTitle, "+B", "-od", directory, port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["TCP_NODELAY"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        return new StoreScpProcess(process, port, directory);
    }

    /// <summary>Waits until <paramref name="count"/> files have arrived (storescp writes each before answering, but give the file system a moment).</summary>
    public async Task<IReadOnlyList<string>> WaitForFilesAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (ReceivedFiles.Count < count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        return ReceivedFiles;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
