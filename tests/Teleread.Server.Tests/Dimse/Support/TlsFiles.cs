using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>A self-signed certificate made in the test (.NET CertificateRequest) and written as PEM certificate and PKCS#8 key files.</summary>
public sealed record TlsFiles(string CertificateFile, string KeyFile)
{
    public static TlsFiles Create(string directory, string name, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={(server ? "localhost" : name)}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var files = new TlsFiles(Path.Combine(directory, name + ".pem"), Path.Combine(directory, name + ".key"));
        File.WriteAllText(files.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return files;
    }
}
