using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Teleread.Dicom.Network;

/// <summary>Settings of a <see cref="DicomServer"/> (the SCP host). Validated when the server starts.</summary>
public sealed record DicomServerOptions
{
    /// <summary>Address to listen on; loopback unless the host is meant to be reached from outside.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (see <see cref="DicomServer.LocalEndPoint"/>).</summary>
    public int Port { get; init; } = 11112;

    public int Backlog { get; init; } = 512;

    public DicomAssociationTimeouts Timeouts { get; init; } = new();

    /// <summary>Associations open (or being negotiated) at once; more are rejected transient, local-limit-exceeded.</summary>
    public int MaximumAssociations { get; init; } = 500;

    /// <summary>
    /// TCP connections held at once, including those still before A-ASSOCIATE-RQ (each waits at most
    /// ARTIM); past it new connections are closed at once, so idle sockets cannot pile up.
    /// </summary>
    public int MaximumConnections { get; init; } = 1000;

    /// <summary>Associations open at once from one calling AE title.</summary>
    public int MaximumAssociationsPerCallingAe { get; init; } = 100;

    /// <summary>When set, every connection is DICOM TLS (PS3.15 Annex B) with this certificate.</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Demand a client certificate (PS3.15 B.1 authenticated nodes).</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Checks the client certificate; without it the platform's chain validation decides.</summary>
    public RemoteCertificateValidationCallback? ClientCertificateValidation { get; init; }

    public SslProtocols TlsProtocols { get; init; } = SslProtocols.None;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumAssociations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumAssociationsPerCallingAe, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeouts.Artim, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeouts.Idle, TimeSpan.Zero);
        if (RequireClientCertificate && TlsCertificate is null)
        {
            throw new ArgumentException("RequireClientCertificate needs a TlsCertificate.", nameof(RequireClientCertificate));
        }
    }
}
