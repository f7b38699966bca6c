using System.Net;
using System.Text.Json;

namespace Teleread.Testing;

/// <summary>A DICOM modality Orthanc knows by name (its "DicomModalities"): AE title, host and port.</summary>
public sealed record OrthancModality(string AeTitle, string Host, int Port);

/// <summary>What an Orthanc peer is configured with; everything optional.</summary>
public sealed record OrthancPeerOptions
{
    /// <summary>DICOMweb servers by name: root URL and an optional bearer token.</summary>
    public IReadOnlyDictionary<string, (Uri Root, string? BearerToken)> DicomWebServers { get; init; } = new Dictionary<string, (Uri, string?)>();

    /// <summary>Enables Orthanc's DICOM port (on a free loopback port) with this AE title; null leaves it disabled.</summary>
    public string? DicomAeTitle { get; init; }

    public IReadOnlyDictionary<string, OrthancModality> Modalities { get; init; } = new Dictionary<string, OrthancModality>();
}

/// <summary>
/// Orthanc with its DICOMweb plugin as a child process with a generated configuration, HTTP and (optionally) DICOM on
/// free ports. Orthanc 1.10 cannot choose a bind address: it runs with <see cref="LoopbackOnly"/>'s shim, remote
/// HTTP access refused, and traffic goes to 127.0.0.1 only.
/// </summary>
public sealed class OrthancPeer : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly string _directory;

    private OrthancPeer(PeerProcess process, string directory, int httpPort, int? dicomPort)
    {
        _process = process;
        _directory = directory;
        DicomPort = dicomPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(120) };
    }

    public HttpClient Http { get; }

    /// <summary>Orthanc's DICOM port on 127.0.0.1, when enabled.</summary>
    public int? DicomPort { get; }

    /// <summary>Orthanc's console output, for failure messages.</summary>
    public string Log => _process.Log;

    /// <summary>Orthanc with one DICOMweb server named "teleread" (the DICOMweb interop tests).</summary>
    public static Task<OrthancPeer> StartAsync(Uri telereadDicomWeb, string bearerToken) =>
        StartAsync(new OrthancPeerOptions { DicomWebServers = new Dictionary<string, (Uri, string?)> { ["teleread"] = (telereadDicomWeb, bearerToken) } });

    public static async Task<OrthancPeer> StartAsync(OrthancPeerOptions options)
    {
        var orthanc = RequiredTool.Find("Orthanc", "orthanc");
        const string plugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
        if (!File.Exists(plugin))
        {
            throw new InvalidOperationException($"{plugin} is missing: apt-get install orthanc-dicomweb");
        }

        var directory = Directory.CreateTempSubdirectory("teleread-orthanc-").FullName;
        var httpPort = LoopbackOnly.FreePort();
        int? dicomPort = options.DicomAeTitle is null ? null : LoopbackOnly.FreePort();
        var config = new Dictionary<string, object>
        {
            ["Name"] = "teleread-interop",
            ["StorageDirectory"] = Path.Combine(directory, "storage"),
            ["IndexDirectory"] = Path.Combine(directory, "index"),
            ["HttpPort"] = httpPort,
            ["DicomServerEnabled"] = dicomPort is not null,
            ["DicomAet"] = options.DicomAeTitle ?? "ORTHANC",
            ["DicomPort"] = dicomPort ?? 4242,
            ["DicomModalities"] = options.Modalities.ToDictionary(m => m.Key, m => new object[] { m.Value.AeTitle, m.Value.Host, m.Value.Port }),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DefaultEncoding"] = "Utf8",
            ["Plugins"] = new[] { plugin },
            ["DicomWeb"] = new Dictionary<string, object>
            {
                ["Enable"] = true,
                ["Root"] = "/dicom-web/",
                ["Servers"] = options.DicomWebServers.ToDictionary(s => s.Key, s => (object)new Dictionary<string, object>
                {
                    ["Url"] = s.Value.Root.ToString(),
                    ["HttpHeaders"] = s.Value.BearerToken is { } token ? new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } : new Dictionary<string, string>(),
                }),
            },
        };
        var configPath = Path.Combine(directory, "orthanc.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config));
        var peer = new OrthancPeer(PeerProcess.Start(orthanc, [configPath]), directory, httpPort, dicomPort);
        try
        {
            await peer._process.WaitUntilAsync(async () =>
            {
                try
                {
                    return (await peer.Http.GetAsync("system")).StatusCode == HttpStatusCode.OK
                        && (dicomPort is not { } p || await PeerProcess.AcceptsAsync(p));
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "Orthanc");
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
        Http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
