using System.Net;
using System.Security.Cryptography.X509Certificates;
using Teleread.Dicom.Network;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>The <see cref="DicomServerOptions"/> of the plain and the TLS listener, from the configured <see cref="DicomOptions"/>.</summary>
public static class DimseServerOptions
{
    public static DicomServerOptions Plain(DicomOptions dicom, int port) => new()
    {
        BindAddress = IPAddress.Parse(dicom.BindAddress),
        Port = port,
        MaximumAssociations = dicom.MaximumAssociations,
        MaximumAssociationsPerCallingAe = dicom.MaximumAssociationsPerCallingAe,
        Timeouts = new DicomAssociationTimeouts
        {
            Artim = TimeSpan.FromSeconds(dicom.ArtimTimeoutSeconds),
            Idle = TimeSpan.FromSeconds(dicom.IdleTimeoutSeconds),
        },
    };

    public static DicomServerOptions Tls(DicomOptions dicom, int port)
    {
        var tls = dicom.Tls;
        var authorities = string.IsNullOrWhiteSpace(tls.ClientCertificateAuthorityFile) ? null : LoadAuthorities(tls.ClientCertificateAuthorityFile);
        return Plain(dicom, port) with
        {
            TlsCertificate = LoadCertificate(tls),
            RequireClientCertificate = tls.RequireClientCertificate,
            ClientCertificateValidation = authorities is null ? null : (_, certificate, _, _) => certificate is null ? !tls.RequireClientCertificate : IsTrusted(certificate, authorities),
        };
    }

    private static X509Certificate2 LoadCertificate(DicomTlsOptions tls)
    {
        var file = tls.CertificateFile!;
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Teleread:Dicom:Tls:CertificateFile '{file}' does not exist.");
        }

        if (file.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
        {
            var keyFile = string.IsNullOrWhiteSpace(tls.KeyFile) ? file : tls.KeyFile;
            using var pem = string.IsNullOrEmpty(tls.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(file, keyFile)
                : X509Certificate2.CreateFromEncryptedPemFile(file, tls.CertificatePassword, keyFile);
            // Through PKCS#12 so SslStream can use the key on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(file, tls.CertificatePassword);
    }

    private static X509Certificate2Collection LoadAuthorities(string file)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(file);
        return authorities;
    }

    private static bool IsTrusted(X509Certificate certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
