using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Hosting;

/// <summary>DICOM over TLS (PS3.15 Annex B) with self-signed certificates pinned by thumbprint.</summary>
public class DicomTlsTests
{
    private static readonly X509Certificate2 ServerCertificate = TestCertificates.Create("dicom.test", serverAuthentication: true);
    private static readonly X509Certificate2 ClientCertificate = TestCertificates.Create("modality", serverAuthentication: false);

    private static RemoteCertificateValidationCallback Pinned(X509Certificate2 expected)
        => (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == expected.GetCertHashString();

    [Fact]
    public async Task Echo_works_over_tls_with_a_pinned_server_certificate()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, new DicomServerOptions { TlsCertificate = ServerCertificate });
        var options = Loopback.ClientOptions() with
        {
            Tls = new DicomClientTlsOptions { TargetHost = "dicom.test", ServerCertificateValidation = Pinned(ServerCertificate) },
        };

        var association = await Loopback.OpenAsync(server, options);

        Assert.Equal(0, await Loopback.EchoAsync(association));
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task Client_that_distrusts_the_server_certificate_fails_the_handshake()
    {
        await using var server = Loopback.StartServer(Loopback.VerificationPolicy(), null, new DicomServerOptions { TlsCertificate = ServerCertificate });
        var options = Loopback.ClientOptions() with
        {
            Tls = new DicomClientTlsOptions { TargetHost = "dicom.test", ServerCertificateValidation = Pinned(ClientCertificate) },
        };

        await Assert.ThrowsAsync<AuthenticationException>(() => Loopback.OpenAsync(server, options));
    }

    [Fact]
    public async Task Server_requiring_client_certificates_accepts_only_the_known_node()
    {
        X509Certificate? seenByPolicy = null;
        var policy = Loopback.VerificationPolicy();
        policy.RequestValidator = (request, _) =>
        {
            seenByPolicy = request.ClientCertificate;
            return ValueTask.FromResult<DicomAssociationRejection?>(null);
        };
        await using var server = Loopback.StartServer(policy, null, new DicomServerOptions
        {
            TlsCertificate = ServerCertificate,
            RequireClientCertificate = true,
            ClientCertificateValidation = Pinned(ClientCertificate),
        });
        var anonymous = Loopback.ClientOptions() with
        {
            Tls = new DicomClientTlsOptions { TargetHost = "dicom.test", ServerCertificateValidation = Pinned(ServerCertificate) },
        };
        var authenticated = anonymous with
        {
            Tls = anonymous.Tls with { ClientCertificates = [ClientCertificate] },
        };

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var association = await Loopback.OpenAsync(server, anonymous);
            await Loopback.EchoAsync(association);
        });
        var accepted = await Loopback.OpenAsync(server, authenticated);

        Assert.Equal(0, await Loopback.EchoAsync(accepted));
        await accepted.ReleaseAsync();
        Assert.Equal(ClientCertificate.GetCertHashString(), seenByPolicy!.GetCertHashString());
    }
}
