namespace Teleread.Archive;

/// <summary>
/// The studies a radiologist may open: those of reading requests assigned to them. The reading workflow
/// implements it; until it is registered, a radiologist sees no study.
/// </summary>
public interface IStudyAssignmentFilter
{
    Task<IReadOnlyList<(string ClinicId, string StudyUid)>> AssignedStudiesAsync(string radiologistUserId, CancellationToken ct);
}
