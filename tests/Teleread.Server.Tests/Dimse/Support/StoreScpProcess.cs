using System.Diagnostics;
using System.Globalization;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>
/// DCMTK's storescp as a clinic's DICOM node, bit-preserving (+B: the data set is written as it arrived), on a free
/// loopback port through <see cref="PeerProcess"/> (which keeps its bind on 127.0.0.1 and sets TCP_NODELAY).
/// </summary>
public sealed class StoreScpProcess : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private StoreScpProcess(PeerProcess process, int port, string directory)
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
        var port = LoopbackOnly.FreePort();
        var process = PeerProcess.Start(RequiredTool.Find("storescp", "dcmtk"), ["-aet", aeTitle, "+B", "-od", directory, port.ToString(CultureInfo.InvariantCulture)]);
        var peer = new StoreScpProcess(process, port, directory);
        try
        {
            await process.WaitUntilAsync(() => PeerProcess.AcceptsAsync(port), "storescp");
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }

        return peer;
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
        await _process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
