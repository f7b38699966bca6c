using System.ComponentModel.DataAnnotations;

namespace Teleread.Server.Archive;

/// <summary>
/// The retention sweep (section <c>Teleread:Retention</c>): deletes studies past their clinic's retention period.
/// Off unless enabled, because it destroys data; each clinic's period is set through the admin API.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Teleread:Retention";

    /// <summary>Run the sweep at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>Time between sweeps (the first runs one interval after start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many studies are deleted per sweep; the rest wait for the next one.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 100;
}
