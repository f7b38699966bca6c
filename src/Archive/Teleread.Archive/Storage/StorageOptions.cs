namespace Teleread.Archive.Storage;

/// <summary>
/// Configuration section <c>Storage</c>: the sites every object is written to and how reads verify.
/// Call <see cref="Validate"/> on start; docs/storage.md lists every key.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Every site receives every object; see <see cref="Replication"/> for when a write is acknowledged.</summary>
    public List<BlobSiteOptions> Sites { get; set; } = [];

    /// <summary>
    /// <see cref="ReplicationMode.Synchronous"/> (default): a write is acknowledged once every site is durable.
    /// <see cref="ReplicationMode.Queued"/>: once the primary site is durable and the index has recorded the instance
    /// with one replication-queue row per other site; a background replicator copies it there.
    /// </summary>
    public ReplicationMode Replication { get; set; } = ReplicationMode.Synchronous;

    /// <summary>The site queued writes go to; the first site when unset.</summary>
    public string? PrimarySite { get; set; }

    /// <summary>How many queued copies the replicator takes from the queue per round.</summary>
    public int ReplicationBatchSize { get; set; } = 100;

    /// <summary>How many copies the replicator makes at once.</summary>
    public int ReplicationConcurrency { get; set; } = 4;

    /// <summary>How often the replicator looks for due copies when the queue had nothing left to do.</summary>
    public TimeSpan ReplicationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a first failed copy; doubled per further failure up to <see cref="ReplicationRetryMaximumDelay"/>.</summary>
    public TimeSpan ReplicationRetryInitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReplicationRetryMaximumDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A warning is logged while the oldest queued copy has waited longer than this.</summary>
    public TimeSpan ReplicationLagWarning { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The site reads try first; the first site when unset.</summary>
    public string? PreferredReadSite { get; set; }

    /// <summary>
    /// A read that knows the expected SHA-256 hashes objects up to this size completely before serving them,
    /// so a corrupted copy is replaced by a good one without the caller seeing a byte of it. Larger objects
    /// are verified while streaming and fail at the end on mismatch.
    /// </summary>
    public long VerifyBeforeServingMaxBytes { get; set; } = 64L << 20;

    /// <summary>How many objects the scrubber checks at once.</summary>
    public int ScrubConcurrency { get; set; } = 4;

    /// <summary>How often the server scrubs every site (verify every copy, repair from a good one); zero turns the schedule off.</summary>
    public TimeSpan ScrubInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after start the first scheduled scrub waits, so a restart does not compete with catch-up work.</summary>
    public TimeSpan ScrubFirstDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <exception cref="StorageConfigurationException">Lists every problem found.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Sites.Count == 0)
        {
            errors.Add("Storage:Sites is empty; configure at least one site (two for replication)");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Sites.Count; i++)
        {
            var site = Sites[i];
            if (string.IsNullOrWhiteSpace(site.Name))
            {
                errors.Add($"Storage:Sites:{i}:Name is required");
            }
            else if (!names.Add(site.Name))
            {
                errors.Add($"Storage:Sites:{i}:Name '{site.Name}' is used twice");
            }

            errors.AddRange(site.Validate($"Storage:Sites:{i}"));
        }

        if (PreferredReadSite is { } preferred && !Sites.Any(s => string.Equals(s.Name, preferred, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"Storage:PreferredReadSite '{preferred}' names no configured site");
        }

        if (PrimarySite is { } primary && !Sites.Any(s => string.Equals(s.Name, primary, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"Storage:PrimarySite '{primary}' names no configured site");
        }

        if (!Enum.IsDefined(Replication))
        {
            errors.Add("Storage:Replication must be Synchronous or Queued");
        }

        if (ReplicationBatchSize is < 1 or > 10_000)
        {
            errors.Add("Storage:ReplicationBatchSize must be between 1 and 10000");
        }

        if (ReplicationConcurrency is < 1 or > 64)
        {
            errors.Add("Storage:ReplicationConcurrency must be between 1 and 64");
        }

        if (ReplicationPollInterval <= TimeSpan.Zero || ReplicationRetryInitialDelay <= TimeSpan.Zero || ReplicationLagWarning <= TimeSpan.Zero)
        {
            errors.Add("Storage:ReplicationPollInterval, Storage:ReplicationRetryInitialDelay and Storage:ReplicationLagWarning must be positive");
        }

        if (ReplicationRetryMaximumDelay < ReplicationRetryInitialDelay)
        {
            errors.Add("Storage:ReplicationRetryMaximumDelay must not be shorter than Storage:ReplicationRetryInitialDelay");
        }

        if (VerifyBeforeServingMaxBytes < 0)
        {
            errors.Add("Storage:VerifyBeforeServingMaxBytes must be 0 or more");
        }

        if (ScrubConcurrency is < 1 or > 64)
        {
            errors.Add("Storage:ScrubConcurrency must be between 1 and 64");
        }

        if (ScrubInterval < TimeSpan.Zero || ScrubFirstDelay < TimeSpan.Zero)
        {
            errors.Add("Storage:ScrubInterval and Storage:ScrubFirstDelay must not be negative");
        }

        if (errors.Count > 0)
        {
            throw new StorageConfigurationException(errors);
        }
    }
}
