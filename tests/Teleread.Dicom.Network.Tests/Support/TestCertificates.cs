using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>Self-signed certificates made on the fly for TLS tests (nothing is read from disk).</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Create(string subject, bool serverAuthentication)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuthentication ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        if (serverAuthentication)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(subject);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Re-import through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
