namespace Teleread.Identity;

/// <summary>What the public radiologist directory shows (experience, certification, subspecialties).</summary>
public sealed record RadiologistProfile(
    string UserId,
    string DisplayName,
    string BoardCertification,
    int YearsOfExperience,
    IReadOnlyList<string> Subspecialties,
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> Languages,
    string Biography);
