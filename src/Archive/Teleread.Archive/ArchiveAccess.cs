namespace Teleread.Archive;

/// <summary>
/// Which clinics' studies a caller may see. Every archive read and write takes one, and every SQL
/// statement filters by it: an operator sees all clinics; a clinic user or device its own; a radiologist
/// the studies an <see cref="IStudyAssignmentFilter"/> grants.
/// </summary>
public sealed record ArchiveAccess(IReadOnlyList<string>? ClinicIds, IReadOnlyList<(string ClinicId, string StudyUid)>? Studies = null)
{
    public static ArchiveAccess All { get; } = new((IReadOnlyList<string>?)null);

    public static ArchiveAccess Clinic(string clinicId) => new([clinicId]);

    public bool IsUnrestricted => ClinicIds is null && Studies is null;

    public bool Allows(string clinicId, string studyUid) =>
        IsUnrestricted || (ClinicIds?.Contains(clinicId) ?? false) || (Studies?.Contains((clinicId, studyUid)) ?? false);
}
