using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Identity;
using Teleread.Reading.Application;

namespace Teleread.Server.Tests.DicomWeb;

/// <summary>
/// The archive and reading wired together over the real archive: images stored by STOW-RS reach the clinic's reading
/// request (ReadingStudyArrivals), a radiologist's DICOMweb shows exactly the studies assigned to them
/// (ReadingAssignmentFilter), and no clinic reaches another clinic's study by any DICOMweb or WADO-URI path.
/// </summary>
public sealed class ArchiveReadingWiringTests
{
    private const string S1 = "1.2.392.3.1";
    private const string S2 = "1.2.392.3.2";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Stow_reaches_the_reading_request_and_a_radiologist_sees_only_the_study_assigned_to_them(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider, services: s => s.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) }));
        var identity = web.Server.Service<IdentityStore>();
        using var a = web.Client(web.ClinicAToken);
        using var op = web.Client(web.OperatorToken);
        var (rad1, rad1Id) = await ReadingApiTests.RadiologistAsync(web.Server, identity, "wired-rad-1");
        var (rad2, rad2Id) = await ReadingApiTests.RadiologistAsync(web.Server, identity, "wired-rad-2");
        using (rad1)
        using (rad2)
        {
            Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/clinics/{web.ClinicAId}", ReadingApiTests.Contract(web.ClinicAId))).StatusCode);
            foreach (var id in new[] { rad1Id, rad2Id })
            {
                Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/reading/radiologists/{id}", ReadingApiTests.Profile(id))).StatusCode);
            }

            var requestId = await ReadingRequests.CreateAsync(a, S1);
            var reading = web.Server.Service<ReadingService>();
            var before = (await reading.FindAsync(requestId, Ct))!.LastImageAt;
            await Task.Delay(20);

            Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance(S1), SampleStudies.Instance(S2)))).StatusCode);

            Assert.True((await reading.FindAsync(requestId, Ct))!.LastImageAt > before, "the stored images did not reach the reading request");
            Assert.Empty(await DicomWebServer.StudyUidsAsync(rad1));
            Assert.Equal(HttpStatusCode.NotFound, (await rad1.GetAsync($"/dicomweb/studies/{S1}/metadata")).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await a.PostAsync($"/api/reading/requests/{requestId}/complete", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rad1.PostAsync($"/api/reading/requests/{requestId}/claim", null)).StatusCode);

            Assert.Equal([S1], await DicomWebServer.StudyUidsAsync(rad1));
            Assert.Equal(HttpStatusCode.OK, (await rad1.GetAsync($"/dicomweb/studies/{S1}/metadata")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await rad1.GetAsync($"/dicomweb/studies/{S2}/metadata")).StatusCode);
            Assert.Empty(await DicomWebServer.StudyUidsAsync(rad2));
            Assert.Empty(JsonDocument.Parse(await rad2.GetStringAsync($"/dicomweb/studies/{S1}/instances")).RootElement.EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await rad2.GetAsync($"/dicomweb/studies/{S1}/metadata")).StatusCode);
            Assert.Equal([S1, S2], await DicomWebServer.StudyUidsAsync(a));
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_clinic_reaches_no_other_clinics_study_by_qido_wado_metadata_rendered_or_wado_uri(string provider)
    {
        await using var web = await DicomWebServer.StartAsync(provider);
        using var a = web.Client(web.ClinicAToken);
        using var b = web.Client(web.ClinicBToken);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/dicomweb/studies", await DicomWebServer.StowContentAsync(SampleStudies.Instance(S1, sample: SampleStudies.Ct)))).StatusCode);
        var (series, sop) = (S1 + ".1", S1 + ".1.1");
        var instance = $"/dicomweb/studies/{S1}/series/{series}/instances/{sop}";
        var wadoUri = $"/wado?requestType=WADO&studyUID={S1}&seriesUID={series}&objectUID={sop}&contentType=application%2Fdicom";

        // The owner reaches every path, so the 404s below are about tenancy, not broken paths.
        foreach (var path in new[] { $"/dicomweb/studies/{S1}/metadata", instance, instance + "/rendered", wadoUri })
        {
            Assert.Equal((path, HttpStatusCode.OK), (path, (await a.SendAsync(Get(path))).StatusCode));
        }

        Assert.Empty(await DicomWebServer.StudyUidsAsync(b));
        Assert.Empty(await DicomWebServer.StudyUidsAsync(b, $"?StudyInstanceUID={S1}"));
        foreach (var search in new[] { $"/dicomweb/studies/{S1}/series", $"/dicomweb/studies/{S1}/instances", $"/dicomweb/series?StudyInstanceUID={S1}", $"/dicomweb/instances?SOPInstanceUID={sop}" })
        {
            Assert.Empty(JsonDocument.Parse(await b.GetStringAsync(search)).RootElement.EnumerateArray());
        }

        foreach (var path in new[]
        {
            $"/dicomweb/studies/{S1}", $"/dicomweb/studies/{S1}/series/{series}", instance, $"/dicomweb/studies/{S1}/metadata",
            $"/dicomweb/studies/{S1}/series/{series}/metadata", instance + "/metadata", instance + "/frames/1", instance + "/rendered",
            instance + "/thumbnail", $"/dicomweb/studies/{S1}/thumbnail", wadoUri,
        })
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await b.SendAsync(Get(path))).StatusCode));
        }
    }

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", path.EndsWith("/rendered", StringComparison.Ordinal) || path.EndsWith("thumbnail", StringComparison.Ordinal)
            ? "image/jpeg" : path.Contains("/frames/", StringComparison.Ordinal) ? "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*"
            : path.EndsWith("metadata", StringComparison.Ordinal) ? "application/dicom+json" : path.StartsWith("/wado", StringComparison.Ordinal) ? "application/dicom"
            : "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        return request;
    }
}
