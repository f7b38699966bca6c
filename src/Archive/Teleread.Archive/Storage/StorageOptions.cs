namespace Teleread.Archive.Storage;

/// <summary>
/// Configuration section <c>Storage</c>: the sites every object is written to and how reads verify.
/// Call <see cref="Validate"/> on start; docs/storage.md lists every key.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Every site receives every object; a write is acknowledged once all of them are durable.</summary>
    public List<BlobSiteOptions> Sites { get; set; } = [];

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
