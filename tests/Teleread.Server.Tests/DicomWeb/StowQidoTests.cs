using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Teleread.Dicom.Web;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

public sealed class StowQidoTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Mr = RepoPaths.Sample("pydicom/test_files/MR_small.dcm");

    [Fact]
    public async Task Stow_stores_every_part_and_lists_each_in_ReferencedSOPSequence()
    {
        var archive = new InMemoryDicomWebArchive();
        await using var web = await DicomWebServer.StartAsync("sqlite", archive);
        using var client = web.Client(web.ClinicAToken);

        var response = await client.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Ct, Mr));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DicomMediaTypes.DicomJson, response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stored = json.RootElement.GetProperty("00081199").GetProperty("Value");
        Assert.Equal(2, stored.GetArrayLength());
        Assert.All(stored.EnumerateArray(), i => Assert.StartsWith(web.Server.BaseAddress + "dicomweb/studies/", i.GetProperty("00081190").GetProperty("Value")[0].GetString(), StringComparison.Ordinal));
        Assert.False(json.RootElement.TryGetProperty("00081198", out _));
        Assert.Equal(2, archive.Count);
    }

    [Fact]
    public async Task Stow_with_one_bad_part_answers_202_with_a_Warning_and_the_failure_reason()
    {
        var archive = new InMemoryDicomWebArchive();
        await using var web = await DicomWebServer.StartAsync("sqlite", archive);
        using var client = web.Client(web.ClinicAToken);
        var body = new MemoryStream();
        var writer = new MultipartRelatedWriter(body);
        await using (var ct = File.OpenRead(Ct))
        {
            await writer.WritePartAsync(DicomMediaTypes.Dicom, ct);
        }

        await writer.WritePartAsync(DicomMediaTypes.Dicom, new MemoryStream(Encoding.ASCII.GetBytes("this is not DICOM at all")));
        await writer.CompleteAsync();
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(writer.ContentType(DicomMediaTypes.Dicom));

        var response = await client.PostAsync("/dicomweb/studies", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("299 ", Assert.Single(response.Headers.GetValues("Warning")), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("00081199").GetProperty("Value").GetArrayLength());
        var failed = Assert.Single(json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray());
        Assert.Equal(0xC000, failed.GetProperty("00081197").GetProperty("Value")[0].GetInt32());
    }

    [Fact]
    public async Task Stow_into_another_study_fails_every_instance_with_409()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);

        var response = await client.PostAsync("/dicomweb/studies/1.2.3.4", await DicomWebServer.StowContentAsync(Ct));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0xA900, json.RootElement.GetProperty("00081198").GetProperty("Value")[0].GetProperty("00081197").GetProperty("Value")[0].GetInt32());
    }

    [Fact]
    public async Task Stow_refuses_other_media_types_with_415_and_a_truncated_body_with_400_storing_nothing()
    {
        var archive = new InMemoryDicomWebArchive();
        await using var web = await DicomWebServer.StartAsync("sqlite", archive);
        using var client = web.Client(web.ClinicAToken);

        var json = new StringContent("[]", Encoding.UTF8, "application/dicom+json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/dicomweb/studies", json)).StatusCode);

        var whole = await DicomWebServer.StowContentAsync(Ct);
        var bytes = await whole.ReadAsByteArrayAsync();
        var truncated = new ByteArrayContent(bytes[..(bytes.Length / 2)]);
        truncated.Headers.ContentType = whole.Headers.ContentType;
        var response = await client.PostAsync("/dicomweb/studies", truncated);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, archive.Count);
    }

    [Fact]
    public async Task Qido_matches_by_keyword_or_tag_with_includefield_limit_offset_and_fuzzy_names()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Ct, Mr))).StatusCode);

        async Task<JsonElement> Query(string url)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        Assert.Equal(2, (await Query("/dicomweb/studies")).GetArrayLength());
        var ct = await Query("/dicomweb/studies?PatientName=CompressedSamples%5ECT*&includefield=00081030");
        Assert.Equal("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", Assert.Single(ct.EnumerateArray()).GetProperty("0020000D").GetProperty("Value")[0].GetString());
        Assert.Single((await Query("/dicomweb/studies?00100010=compressedsamples&fuzzymatching=true&limit=1")).EnumerateArray());
        Assert.Single((await Query("/dicomweb/studies?offset=1")).EnumerateArray());
        var series = await Query("/dicomweb/studies/1.3.6.1.4.1.5962.1.2.1.20040119072730.12322/series");
        Assert.Equal("CT", Assert.Single(series.EnumerateArray()).GetProperty("00080060").GetProperty("Value")[0].GetString());
        Assert.Single((await Query("/dicomweb/instances?Modality=MR")).EnumerateArray());

        var limited = await client.GetAsync("/dicomweb/studies?limit=1");
        Assert.StartsWith("299 ", Assert.Single(limited.Headers.GetValues("Warning")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/dicomweb/studies?NoSuchKeyword=1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/dicomweb/studies?limit=-3")).StatusCode);
    }

    [Fact]
    public async Task Another_clinic_sees_nothing_and_the_operator_sees_everything()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var a = web.Client(web.ClinicAToken);
        using var b = web.Client(web.ClinicBToken);
        using var op = web.Client(web.OperatorToken);
        using var anonymous = web.Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(Ct))).StatusCode);
        const string study = "/dicomweb/studies/1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

        Assert.Equal("[]", await b.GetStringAsync("/dicomweb/studies"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(study)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(study + "/metadata")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dicomweb/studies")).StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await op.GetStringAsync("/dicomweb/studies")).RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync(study + "/metadata")).StatusCode);
    }

    [Fact]
    public async Task Cors_preflight_is_answered_without_credentials()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/dicomweb/studies");
        preflight.Headers.Add("Origin", "http://viewer.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,accept");

        var response = await client.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
