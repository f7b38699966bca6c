using System.ComponentModel.DataAnnotations;

namespace Teleread.Server.Configuration;

public sealed class DicomOptions
{
    /// <summary>TCP port of the DICOM (DIMSE) listener; 0 disables it.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 11112;

    /// <summary>The AE title Teleread answers to.</summary>
    [Required]
    [StringLength(16, MinimumLength = 1)]
    public string AeTitle { get; set; } = "TELEREAD";

    /// <summary>With Port 0: listen on a free port chosen by the system (tests) instead of not listening.</summary>
    public bool ListenOnEphemeralPort { get; set; }

    /// <summary>Address the DICOM listener binds to.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Maximum Length (P-DATA-TF PDU length) we announce and accept.</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int MaximumPduLength { get; set; } = 256 * 1024;

    /// <summary>Associations open at once over all callers; more are rejected (A-ASSOCIATE-RJ transient, local limit exceeded).</summary>
    [Range(1, 100_000)]
    public int MaximumAssociations { get; set; } = 500;

    /// <summary>Associations open at once from one calling AE title; more are rejected (A-ASSOCIATE-RJ transient, local limit exceeded).</summary>
    [Range(1, 10_000)]
    public int MaximumAssociationsPerCallingAe { get; set; } = 20;

    /// <summary>ARTIM (PS3.8 9.1.5): seconds to wait for an A-ASSOCIATE-RQ after connecting, or for release/close.</summary>
    [Range(1, 3600)]
    public int ArtimTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds of silence on an established association before it is aborted.</summary>
    [Range(1, 86_400)]
    public int IdleTimeoutSeconds { get; set; } = 300;

    public DicomTlsOptions Tls { get; set; } = new();
}
