using System.ComponentModel.DataAnnotations;

namespace Teleread.Server.Configuration;

/// <summary>The "Teleread" configuration section. README.md (Configuration) lists every key with its default.</summary>
public sealed class TelereadOptions
{
    public const string Section = "Teleread";

    /// <summary>Where the SQLite database, object storage and demo credentials live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    public DicomOptions Dicom { get; set; } = new();

    /// <summary>"text" (default) or "json": one JSON object per log line.</summary>
    [RegularExpression("^(text|json)$")]
    public string LogFormat { get; set; } = "text";

    /// <summary>How long a stop (SIGTERM) waits for in-flight requests and jobs.</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
