using System.ComponentModel.DataAnnotations;

namespace Teleread.Server.Configuration;

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default, file DATA/teleread.db) or "postgres".</summary>
    [RegularExpression("^(sqlite|postgres)$")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string (Npgsql syntax); ignored for SQLite.</summary>
    public string? ConnectionString { get; set; }
}
