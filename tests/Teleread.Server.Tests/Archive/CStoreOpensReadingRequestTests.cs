using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Dicom;
using Teleread.Identity;
using Teleread.Reading.Application;
using Teleread.Server.Dimse;
using Teleread.Testing;

namespace Teleread.Server.Tests.Archive;

/// <summary>DCMTK storescu against the server: a study sent with no reading request becomes one, for the sending clinic only.</summary>
public sealed class CStoreOpensReadingRequestTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_study_stored_by_storescu_without_a_request_becomes_a_reading_request_of_that_clinic_only()
    {
        await using var server = await RunningServer.StartAsync("sqlite", null,
            b => b.Services.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) }), "--Teleread:Dicom:ListenOnEphemeralPort=true");
        var identity = server.Service<IdentityStore>();
        var clinicA = await identity.CreateClinicAsync("Clinic A", ["MODALITY_A"], Ct);
        var clinicB = await identity.CreateClinicAsync("Clinic B", ["MODALITY_B"], Ct);
        var staffA = await identity.CreateUserAsync("staff-a-auto", "Staff A", Role.ClinicUser, clinicA.Id, "password-a-123", Ct);
        var staffB = await identity.CreateUserAsync("staff-b-auto", "Staff B", Role.ClinicUser, clinicB.Id, "password-b-123", Ct);
        var op = await identity.CreateUserAsync("op-auto", "Operator", Role.Operator, null, "password-o-123", Ct);
        using var clientA = server.CreateClient(await identity.IssueTokenAsync(staffA.Id, clinicA.Id, "test", Ct));
        using var clientB = server.CreateClient(await identity.IssueTokenAsync(staffB.Id, clinicB.Id, "test", Ct));
        using var opClient = server.CreateClient(await identity.IssueTokenAsync(op.Id, null, "test", Ct));
        Assert.Equal(HttpStatusCode.OK, (await opClient.PutAsJsonAsync($"/api/reading/clinics/{clinicA.Id}", ReadingApiTests.Contract(clinicA.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await opClient.PutAsJsonAsync($"/api/reading/clinics/{clinicB.Id}", ReadingApiTests.Contract(clinicB.Id))).StatusCode);
        var file = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
        var studyUid = DicomFile.Open(file).Dataset.GetString(DicomTags.StudyInstanceUID);
        var port = server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var store = await ProcessRunner.RunAsync(RequiredTool.Find("storescu", "dcmtk"), ["-xr", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", port, file]);

        Assert.True(store.ExitCode == 0, store.StandardError);
        var listed = Assert.Single((await clientA.GetFromJsonAsync<JsonElement>("/api/reading/requests")).EnumerateArray());
        Assert.Equal(studyUid, listed.GetProperty("studyReference").GetString());
        var id = listed.GetProperty("id").GetGuid();
        var request = await clientA.GetFromJsonAsync<JsonElement>($"/api/reading/requests/{id}");
        Assert.Equal("Images", request.GetProperty("origin").GetString());
        Assert.Equal("Routine", request.GetProperty("details").GetProperty("priority").GetString());
        Assert.Equal("CT", request.GetProperty("details").GetProperty("modality").GetString());
        var created = Assert.Single(request.GetProperty("timeline").EnumerateArray());
        Assert.Equal("system", created.GetProperty("actorId").GetString());
        Assert.Contains("created from images received by C-STORE", created.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await clientB.GetFromJsonAsync<JsonElement>("/api/reading/requests")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync($"/api/reading/requests/{id}")).StatusCode);

        // The clinic's own request for the study takes the place of the one opened from the images.
        Assert.Equal(id, await ReadingRequests.CreateAsync(clientA, studyUid, modality: "CT"));
        Assert.Single((await clientA.GetFromJsonAsync<JsonElement>("/api/reading/requests")).EnumerateArray());
    }
}
