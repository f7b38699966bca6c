namespace Teleread.Server.Configuration;

/// <summary>DICOM TLS (PS3.15 Annex B) for the DIMSE listener; off while <see cref="CertificateFile"/> is empty.</summary>
public sealed class DicomTlsOptions
{
    /// <summary>PKCS#12 (.pfx/.p12) or PEM file with the server certificate and its private key.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Password of a PKCS#12 file (or of an encrypted PEM key).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>PEM file with the private key when <see cref="CertificateFile"/> is a PEM certificate without it.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Demand a client certificate (authenticated nodes).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>PEM file of the certificate authorities (or self-signed certificates) trusted for client certificates; empty: the system's trust store.</summary>
    public string? ClientCertificateAuthorityFile { get; set; }

    /// <summary>
    /// Unset: the DICOM port itself speaks TLS. Set: the DICOM port stays plain and a second listener on this port
    /// speaks TLS (0 = a free port chosen by the system, for tests).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 65535)]
    public int? Port { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificateFile);
}
