namespace Teleread.Identity;

/// <summary>
/// How long a clinic's images are kept after the last one of a study arrived (its contract). Years are calendar
/// years. The default, 5 years, is the period commonly required in Japan for diagnostic images; a clinic
/// without a retention (null) keeps its studies forever.
/// </summary>
public sealed record ClinicRetention(int Years, int Days)
{
    public const int MaxYears = 100;
    public const int MaxDays = 36_600;

    public static ClinicRetention Default { get; } = new(5, 0);

    /// <summary>Studies last received before this instant have passed retention at <paramref name="now"/>.</summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now) => now.AddYears(-Years).AddDays(-Days);

    /// <summary>Why these values cannot be a retention period, or null when they can.</summary>
    public static string? Problem(int years, int days) =>
        years is < 0 or > MaxYears ? $"years must be between 0 and {MaxYears}"
        : days is < 0 or > MaxDays ? $"days must be between 0 and {MaxDays}"
        : years == 0 && days == 0 ? "a retention period must be at least one day; use keepForever to keep studies without limit"
        : null;
}
