using Teleread.Archive;
using Teleread.Identity;

namespace Teleread.Server.Archive;

/// <summary>Turns the authenticated caller into the archive's access scope: the single rule for who sees which studies.</summary>
public sealed class ArchiveAccessResolver(IEnumerable<IStudyAssignmentFilter> assignments)
{
    public async Task<ArchiveAccess> ResolveAsync(Caller caller, CancellationToken ct)
    {
        switch (caller.Role)
        {
            case Role.Operator:
                return ArchiveAccess.All;
            case Role.ClinicUser when caller.ClinicId is not null:
                return ArchiveAccess.Clinic(caller.ClinicId);
            case Role.Radiologist:
                var studies = new List<(string, string)>();
                foreach (var filter in assignments)
                {
                    studies.AddRange(await filter.AssignedStudiesAsync(caller.UserId, ct).ConfigureAwait(false));
                }

                return new ArchiveAccess([], studies);
            default:
                return new ArchiveAccess([]);
        }
    }
}
