using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>Teleread:Dicom:MaximumAssociationsPerCallingAe: one AE title past its limit gets A-ASSOCIATE-RJ transient, local limit exceeded; others go on.</summary>
public sealed class AssociationLimitTests
{
    [Fact]
    public async Task A_calling_ae_past_its_limit_is_rejected_transient_while_other_aes_and_later_calls_are_served()
    {
        await using var server = await DimseTestServer.StartAsync("sqlite", "--Teleread:Dicom:MaximumAssociationsPerCallingAe=1");
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        var held = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(Teleread.Dicom.DicomUids.Verification, "1.2.840.10008.1.2")]);

        var second = await Dcmtk.RunAsync("echoscu", ["-v", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Assert.NotEqual(0, second.ExitCode);
        Dcmtk.AssertOutputContains(second, "Rejected Transient");
        Dcmtk.AssertOutputContains(second, "Local Limit Exceeded");
        var other = await Dcmtk.RunAsync("echoscu", ["-v", "-aet", "MODALITY_B", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Dcmtk.AssertOutputContains(other, "Received Echo Response (Success)");

        await held.ReleaseAsync();
        await held.DisposeAsync();
        var later = await Dcmtk.RunAsync("echoscu", ["-v", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Dcmtk.AssertOutputContains(later, "Received Echo Response (Success)");
    }
}
