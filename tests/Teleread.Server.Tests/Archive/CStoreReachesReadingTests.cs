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

/// <summary>DCMTK storescu against the server: images stored by C-STORE reach the sending clinic's reading request.</summary>
public sealed class CStoreReachesReadingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Images_stored_by_storescu_reach_the_clinics_reading_request_for_that_study()
    {
        await using var server = await RunningServer.StartAsync("sqlite", null,
            b => b.Services.AddSingleton(new ReadingOptions { WorkerInterval = TimeSpan.FromHours(1) }), "--Teleread:Dicom:ListenOnEphemeralPort=true");
        var identity = server.Service<IdentityStore>();
        var clinic = await identity.CreateClinicAsync("Clinic A", ["MODALITY_A"], Ct);
        var staff = await identity.CreateUserAsync("staff-cstore", "Staff", Role.ClinicUser, clinic.Id, "password-s-123", Ct);
        var op = await identity.CreateUserAsync("op-cstore", "Operator", Role.Operator, null, "password-o-123", Ct);
        using var staffClient = server.CreateClient(await identity.IssueTokenAsync(staff.Id, clinic.Id, "test", Ct));
        using var opClient = server.CreateClient(await identity.IssueTokenAsync(op.Id, null, "test", Ct));
        var file = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
        var studyUid = DicomFile.Open(file).Dataset.GetString(DicomTags.StudyInstanceUID);
        Assert.Equal(HttpStatusCode.OK, (await opClient.PutAsJsonAsync($"/api/reading/clinics/{clinic.Id}", ReadingApiTests.Contract(clinic.Id))).StatusCode);
        var requestId = await ReadingRequests.CreateAsync(staffClient, studyUid, modality: "CT");
        var reading = server.Service<ReadingService>();
        var before = (await reading.FindAsync(requestId, Ct))!.LastImageAt;
        await Task.Delay(20);
        var port = server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var store = await ProcessRunner.RunAsync(RequiredTool.Find("storescu", "dcmtk"), ["-xr", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", port, file]);

        Assert.True(store.ExitCode == 0, store.StandardError);
        Assert.True((await reading.FindAsync(requestId, Ct))!.LastImageAt > before, "the C-STORE did not reach the reading request");
    }
}
