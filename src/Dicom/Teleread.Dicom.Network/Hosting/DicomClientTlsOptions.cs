using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Teleread.Dicom.Network;

/// <summary>DICOM TLS (PS3.15 Annex B) for an SCU connection.</summary>
public sealed record DicomClientTlsOptions
{
    /// <summary>Name the server certificate must carry.</summary>
    public required string TargetHost { get; init; }

    /// <summary>Our certificate, for servers that authenticate nodes.</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>Checks the server certificate; without it the platform's chain validation decides.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    public SslProtocols Protocols { get; init; } = SslProtocols.None;
}
