namespace Teleread.Testing;

/// <summary>DCMTK's storescp as a C-STORE peer on a free loopback port, writing what it receives to a temp folder.</summary>
public sealed class StorescpPeer : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private StorescpPeer(PeerProcess process, string directory, string aeTitle, int port)
    {
        _process = process;
        Directory = directory;
        AeTitle = aeTitle;
        Port = port;
    }

    /// <summary>Where the received files are (one per instance, named by storescp).</summary>
    public string Directory { get; }

    public string AeTitle { get; }

    public int Port { get; }

    public string Log => _process.Log;

    public IReadOnlyList<string> ReceivedFiles() => System.IO.Directory.GetFiles(Directory);

    /// <param name="bitPreserving">+B: write each data set exactly as it came off the wire, the reference for what a sender sent.</param>
    public static async Task<StorescpPeer> StartAsync(string aeTitle, bool bitPreserving = false)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("teleread-storescp-").FullName;
        var port = LoopbackOnly.FreePort();
        // +xa: accept every transfer syntax;
        string[] options = bitPreserving ? ["+B"] : [];
        var process = PeerProcess.Start(RequiredTool.Find("storescp", "dcmtk"), ["-aet", aeTitle, "+xa", .. options, "-od", directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var peer = new StorescpPeer(process, directory, aeTitle, port);
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

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
