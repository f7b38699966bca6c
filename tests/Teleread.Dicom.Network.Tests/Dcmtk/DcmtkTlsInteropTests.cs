using System.Globalization;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dcmtk;

/// <summary>DICOM TLS (PS3.15 Annex B) between our SCP and DCMTK's echoscu, which verifies our certificate against a CA file.</summary>
public sealed class DcmtkTlsInteropTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("teleread-tls-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    [Fact]
    public async Task Echoscu_over_tls_verifies_our_certificate_and_echoes()
    {
        using var certificate = TestCertificates.Create("localhost", serverAuthentication: true);
        var caFile = Path.Combine(_workDirectory, "server.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), new DicomServiceDispatcher().HandleAsync,
            new DicomServerOptions { TlsCertificate = certificate });

        var (exitCode, output) = await ExternalTool.RunAsync("echoscu", TimeSpan.FromSeconds(60),
            "-v", "+tla", "+cf", caFile, "-aet", "ECHOSCU", "-aec", "TELEREAD", "127.0.0.1",
            server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Received Echo Response (Success)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_echoscu_cannot_talk_to_a_tls_only_scp_and_the_scp_keeps_serving()
    {
        using var certificate = TestCertificates.Create("localhost", serverAuthentication: true);
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), new DicomServiceDispatcher().HandleAsync,
            new DicomServerOptions { TlsCertificate = certificate, Timeouts = new DicomAssociationTimeouts { Artim = TimeSpan.FromSeconds(2) } });
        var port = server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, _) = await ExternalTool.RunAsync("echoscu", TimeSpan.FromSeconds(60), "-aet", "ECHOSCU", "-aec", "TELEREAD", "127.0.0.1", port);

        Assert.NotEqual(0, exitCode);
        var tls = Loopback.ClientOptions() with
        {
            Tls = new DicomClientTlsOptions { TargetHost = "localhost", ServerCertificateValidation = (_, c, _, _) => c?.GetCertHashString() == certificate.GetCertHashString() },
        };
        var scu = new DicomScu(await Loopback.OpenAsync(server, tls));
        Assert.True((await scu.EchoAsync()).IsSuccess);
        await scu.Association.ReleaseAsync();
    }
}
