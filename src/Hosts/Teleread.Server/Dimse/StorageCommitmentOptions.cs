using System.ComponentModel.DataAnnotations;

namespace Teleread.Server.Dimse;

/// <summary>
/// Delivery of Storage Commitment reports that the requesting association could not take (section
/// <c>Teleread:Dicom:StorageCommitment</c>, validated on start): retried to the clinic's node with exponential backoff,
/// given up on (marked failed, kept for the operator) after <see cref="GiveUpAfter"/>.
/// </summary>
public sealed class StorageCommitmentOptions : IValidatableObject
{
    public const string Section = "Teleread:Dicom:StorageCommitment";

    /// <summary>Wait after the first failed attempt; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaximumDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A report still undelivered this long after the request is marked failed after its next failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the sender looks for due reports (a report the requesting association could not take is tried at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaximumDelay < RetryInitialDelay)
        {
            yield return new ValidationResult("RetryMaximumDelay must not be shorter than RetryInitialDelay.", [nameof(RetryMaximumDelay)]);
        }
    }
}
