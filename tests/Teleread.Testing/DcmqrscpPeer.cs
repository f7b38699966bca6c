using System.Globalization;

namespace Teleread.Testing;

/// <summary>
/// DCMTK's dcmqrscp as a C-FIND/C-MOVE (and C-STORE) peer: a generated dcmqrscp.cfg with one storage area, its
/// database filled with dcmqridx, move destinations declared in its HostTable. Forks per association (killed with its children), loopback only.
/// </summary>
public sealed class DcmqrscpPeer : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly string _directory;

    private DcmqrscpPeer(PeerProcess process, string directory, string aeTitle, int port)
    {
        _process = process;
        _directory = directory;
        AeTitle = aeTitle;
        Port = port;
    }

    public string AeTitle { get; }

    public int Port { get; }

    public string Log => _process.Log;

    /// <param name="files">Part 10 files indexed into the database before start.</param>
    /// <param name="moveDestinations">AE titles dcmqrscp may C-MOVE to, with their loopback ports.</param>
    public static async Task<DcmqrscpPeer> StartAsync(string aeTitle, IEnumerable<string> files, IReadOnlyDictionary<string, int> moveDestinations)
    {
        var directory = Directory.CreateTempSubdirectory("teleread-dcmqrscp-").FullName;
        var database = Path.Combine(directory, "db");
        Directory.CreateDirectory(database);
        var port = LoopbackOnly.FreePort();
        var hosts = string.Join('\n', moveDestinations.Select(d => $"{d.Key.ToLowerInvariant()} = ({d.Key}, 127.0.0.1, {d.Value.ToString(CultureInfo.InvariantCulture)})"));
        var config = $"""
            NetworkTCPPort = {port}
            MaxPDUSize = 65536
            MaxAssociations = 16

            HostTable BEGIN
            {hosts}
            HostTable END

            VendorTable BEGIN
            VendorTable END

            AETable BEGIN
            {aeTitle} {database} RW (1000, 1024mb) ANY
            AETable END
            """;
        var configPath = Path.Combine(directory, "dcmqrscp.cfg");
        await File.WriteAllTextAsync(configPath, config + "\n");

        var copies = files.Select((f, i) =>
        {
            var copy = Path.Combine(database, $"in{i:D4}.dcm");
            File.Copy(f, copy);
            return copy;
        }).ToList();
        if (copies.Count > 0)
        {
            var index = await ProcessRunner.RunAsync(RequiredTool.Find("dcmqridx", "dcmtk"), [database, .. copies]);
            if (index.ExitCode != 0)
            {
                throw new InvalidOperationException("dcmqridx failed: " + index.StandardError);
            }
        }

        var process = PeerProcess.Start(RequiredTool.Find("dcmqrscp", "dcmtk"), ["-c", configPath, "-d"], directory);
        var peer = new DcmqrscpPeer(process, directory, aeTitle, port);
        try
        {
            await process.WaitUntilAsync(() => PeerProcess.AcceptsAsync(port), "dcmqrscp");
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
        Directory.Delete(_directory, recursive: true);
    }
}
