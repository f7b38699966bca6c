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
}
