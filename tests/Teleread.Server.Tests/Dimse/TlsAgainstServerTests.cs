using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Teleread.Server.Dimse;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>DICOM TLS on the server's separate TLS port with DCMTK's echoscu and storescu (+tla / +tls), certificates made in the test.</summary>
public sealed class TlsAgainstServerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("teleread-tls-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Echoscu_and_storescu_work_over_tls_on_the_tls_port_while_the_plain_port_stays_plain()
    {
        var serverCert = TlsFiles.Create(_work, "server", server: true);
        await using var server = await DimseTestServer.StartAsync("sqlite",
            $"--Teleread:Dicom:Tls:CertificateFile={serverCert.CertificateFile}", $"--Teleread:Dicom:Tls:KeyFile={serverCert.KeyFile}", "--Teleread:Dicom:Tls:Port=0");
        var tlsPort = TlsPort(server);

        var echo = await Dcmtk.RunAsync("echoscu", ["-v", "+tla", "+cf", serverCert.CertificateFile, "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort]);
        Dcmtk.AssertOutputContains(echo, "Received Echo Response (Success)");
        var store = await Dcmtk.RunAsync("storescu", ["-v", "+tla", "+cf", serverCert.CertificateFile, "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort,
            RepoPaths.Sample("pydicom/test_files/CT_small.dcm")]);
        Dcmtk.AssertOutputContains(store, "Received Store Response (Success)");

        var plainEcho = await Dcmtk.RunAsync("echoscu", ["-v", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText]);
        Dcmtk.AssertOutputContains(plainEcho, "Received Echo Response (Success)");
        var plainOnTls = await Dcmtk.RunAsync("echoscu", ["-to", "5", "-ta", "5", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort]);
        Assert.NotEqual(0, plainOnTls.ExitCode);
    }

    [Fact]
    public async Task A_required_client_certificate_admits_echoscu_with_a_trusted_certificate_only()
    {
        var serverCert = TlsFiles.Create(_work, "server", server: true);
        var clientCert = TlsFiles.Create(_work, "modality", server: false);
        var stranger = TlsFiles.Create(_work, "stranger", server: false);
        await using var server = await DimseTestServer.StartAsync("sqlite",
            $"--Teleread:Dicom:Tls:CertificateFile={serverCert.CertificateFile}", $"--Teleread:Dicom:Tls:KeyFile={serverCert.KeyFile}", "--Teleread:Dicom:Tls:Port=0",
            "--Teleread:Dicom:Tls:RequireClientCertificate=true", $"--Teleread:Dicom:Tls:ClientCertificateAuthorityFile={clientCert.CertificateFile}");
        var tlsPort = TlsPort(server);

        var trusted = await Dcmtk.RunAsync("echoscu", ["-v", "+tls", clientCert.KeyFile, clientCert.CertificateFile, "+cf", serverCert.CertificateFile,
            "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort]);
        Dcmtk.AssertOutputContains(trusted, "Received Echo Response (Success)");

        var untrusted = await Dcmtk.RunAsync("echoscu", ["+tls", stranger.KeyFile, stranger.CertificateFile, "+cf", serverCert.CertificateFile,
            "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort]);
        Assert.NotEqual(0, untrusted.ExitCode);
        var anonymous = await Dcmtk.RunAsync("echoscu", ["+tla", "+cf", serverCert.CertificateFile, "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", tlsPort]);
        Assert.NotEqual(0, anonymous.ExitCode);
    }

    private static string TlsPort(DimseTestServer server) =>
        server.Server.App.Services.GetRequiredService<DimseListener>().TlsEndPoint!.Port.ToString(CultureInfo.InvariantCulture);
}
