using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>
/// Orthanc with its DICOMweb plugin as a child process, configured with a "teleread" DICOMweb server. Its DICOM port
/// is disabled and remote HTTP access refused, since Orthanc 1.10 cannot bind to loopback only; traffic goes to 127.0.0.1.
/// </summary>
public sealed class OrthancPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private OrthancPeer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary>Orthanc's console output, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    private void Record(string? line)
    {
        if (line is not null && _log.Count < 2000)
        {
            _log.Enqueue(line);
        }
    }

    public static async Task<OrthancPeer> StartAsync(Uri telereadDicomWeb, string bearerToken)
    {
        var orthanc = RequiredTool.Find("Orthanc", "orthanc");
        const string plugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
        if (!File.Exists(plugin))
        {
            throw new InvalidOperationException($"{plugin} is missing: apt-get install orthanc-dicomweb");
        }

        var directory = Directory.CreateTempSubdirectory("teleread-orthanc-").FullName;
        var port = FreeLoopbackPort();
        var config = new Dictionary<string, object>
        {
            ["Name"] = "teleread-interop",
            ["StorageDirectory"] = Path.Combine(directory, "storage"),
            ["IndexDirectory"] = Path.Combine(directory, "index"),
            ["HttpPort"] = port,
            ["DicomServerEnabled"] = false,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DefaultEncoding"] = "Utf8",
            ["Plugins"] = new[] { plugin },
            ["DicomWeb"] = new Dictionary<string, object>
            {
                ["Enable"] = true,
                ["Root"] = "/dicom-web/",
                ["Servers"] = new Dictionary<string, object>
                {
                    ["teleread"] = new Dictionary<string, object>
                    {
                        ["Url"] = telereadDicomWeb.ToString(),
                        ["HttpHeaders"] = new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearerToken },
                    },
                },
            },
        };
        var configPath = Path.Combine(directory, "orthanc.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config));
        var psi = new ProcessStartInfo(orthanc) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(configPath);
        psi.Environment["TCP_NODELAY"] = "1";
        var process = Process.Start(psi)!;
        var peer = new OrthancPeer(process, directory, port);
        process.OutputDataReceived += (_, e) => peer.Record(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await peer.Http.GetAsync("system")).StatusCode == HttpStatusCode.OK)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await peer.DisposeAsync();
        throw new InvalidOperationException("Orthanc did not start within 10 seconds:\n" + peer.Log);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
