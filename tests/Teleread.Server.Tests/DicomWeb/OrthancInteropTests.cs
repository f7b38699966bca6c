using System.Net;
using System.Text.Json;
using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

public sealed class OrthancInteropTests
{
    [Fact]
    public async Task Orthanc_dicomweb_plugin_stores_queries_and_retrieves_through_teleread()
    {
        var archive = new InMemoryDicomWebArchive();
        await using var web = await DicomWebServer.StartAsync("sqlite", archive);
        await using var orthanc = await OrthancPeer.StartAsync(new Uri(web.Server.BaseAddress, "dicomweb/"), web.ClinicAToken);
        var sample = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
        var original = DicomFile.Open(sample).Dataset;
        var study = original.GetString(DicomTags.StudyInstanceUID);

        var upload = await orthanc.Http.PostAsync("instances", new ByteArrayContent(await File.ReadAllBytesAsync(sample)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var orthancId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("ID").GetString()!;

        var stow = await PostJsonAsync(orthanc, "dicom-web/servers/teleread/stow", new Dictionary<string, object> { ["Resources"] = new[] { orthancId } });
        Assert.True(stow.IsSuccessStatusCode, await stow.Content.ReadAsStringAsync() + orthanc.Log);
        Assert.Equal(1, archive.Count);

        var qido = await PostJsonAsync(orthanc, "dicom-web/servers/teleread/qido", new Dictionary<string, object> { ["Uri"] = "/studies", ["Arguments"] = new Dictionary<string, string> { ["PatientName"] = "CompressedSamples*" } });
        Assert.True(qido.IsSuccessStatusCode, await qido.Content.ReadAsStringAsync() + orthanc.Log);
        var qidoText = await qido.Content.ReadAsStringAsync();
        var found = JsonDocument.Parse(qidoText).RootElement;
        // The plugin answers in Orthanc's own JSON (tag objects with Name and a string Value).
        Assert.Equal(study, Assert.Single(found.EnumerateArray()).GetProperty("0020000D").GetProperty("Value").GetString());

        Assert.Equal(HttpStatusCode.OK, (await orthanc.Http.DeleteAsync($"instances/{orthancId}")).StatusCode);
        var retrieve = await PostJsonAsync(orthanc, "dicom-web/servers/teleread/retrieve", new Dictionary<string, object> { ["Resources"] = new[] { new Dictionary<string, string> { ["Study"] = study } } });
        Assert.True(retrieve.IsSuccessStatusCode, await retrieve.Content.ReadAsStringAsync() + orthanc.Log);
        var back = await orthanc.Http.GetByteArrayAsync($"instances/{orthancId}/file");
        var retrieved = DicomFile.Open(new MemoryStream(back)).Dataset;
        Assert.Equal(original.GetString(DicomTags.SOPInstanceUID), retrieved.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal(original.GetElement(DicomTags.PixelData)!.LoadValue().ToArray(), retrieved.GetElement(DicomTags.PixelData)!.LoadValue().ToArray());
    }

    /// <summary>Orthanc's REST API wants its own (PascalCase) field names.</summary>
    private static Task<HttpResponseMessage> PostJsonAsync(OrthancPeer orthanc, string url, Dictionary<string, object> body) =>
        orthanc.Http.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));
}
