namespace Teleread.Reading.Domain;

/// <summary>A registered radiologist (読影医): what they may read, when, how much, and for whom not.</summary>
public sealed record RadiologistProfile(
    string Id,
    string Name,
    bool BoardCertified,
    int YearsOfExperience,
    IReadOnlySet<Subspecialty> Subspecialties,
    IReadOnlySet<ImagingModality> Modalities,
    IReadOnlySet<string> Credentials,
    IReadOnlySet<string> Languages,
    ShiftSchedule Shifts,
    int CapacityPerHour,
    IReadOnlySet<string> ExcludedClinicIds);
