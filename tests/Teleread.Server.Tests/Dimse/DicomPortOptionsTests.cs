using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>Teleread:Dicom settings seen from outside: the Maximum Length announced, the idle timer, and TLS on the DICOM port itself.</summary>
public sealed class DicomPortOptionsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("teleread-dicomopts-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Echoscu_sees_the_configured_maximum_pdu_length()
    {
        await using var server = await DimseTestServer.StartAsync("sqlite", "--Teleread:Dicom:MaximumPduLength=16384");

        var echo = await Dcmtk.RunAsync("echoscu", ["-v", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);

        // Max Send PDV = our Maximum Length minus the 12 bytes of PDU and PDV headers.
        Dcmtk.AssertOutputContains(echo, "Max Send PDV: 16372");
    }

    [Fact]
    public async Task A_silent_association_is_aborted_after_the_idle_timeout()
    {
        await using var server = await DimseTestServer.StartAsync("sqlite", "--Teleread:Dicom:IdleTimeoutSeconds=1");
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(DicomUids.Verification, "1.2.840.10008.1.2")]);

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await Assert.ThrowsAsync<DicomAssociationAbortedException>(async () => await association.ReceiveMessageAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Without_a_tls_port_the_dicom_port_itself_speaks_tls()
    {
        var cert = TlsFiles.Create(_work, "server", server: true);
        await using var server = await DimseTestServer.StartAsync("sqlite", $"--Teleread:Dicom:Tls:CertificateFile={cert.CertificateFile}", $"--Teleread:Dicom:Tls:KeyFile={cert.KeyFile}");

        var tls = await Dcmtk.RunAsync("echoscu", ["-v", "+tla", "+cf", cert.CertificateFile, "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Dcmtk.AssertOutputContains(tls, "Received Echo Response (Success)");
        var plain = await Dcmtk.RunAsync("echoscu", ["-to", "5", "-ta", "5", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Assert.NotEqual(0, plain.ExitCode);
    }
}
