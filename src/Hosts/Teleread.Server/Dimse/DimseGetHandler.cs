using Teleread.Archive;
using Teleread.Archive.Query;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>C-GET SCP: the matching instances of the caller's clinic, each opened only when its C-STORE sub-operation runs.</summary>
public sealed class DimseGetHandler(RetrieveService retrieve, StudyQueryService queries, ClinicAeDirectory clinics) : IDicomGetHandler
{
    public async ValueTask<IReadOnlyList<DicomInstanceSource>> GetAsync(DicomQueryRequest request, CancellationToken cancellationToken)
    {
        var clinic = await clinics.FindClinicAsync(request.Context.CallingAeTitle, cancellationToken).ConfigureAwait(false);
        return clinic is null ? [] : await DimseInstanceSources.FindAsync(retrieve, queries, ArchiveAccess.Clinic(clinic), request.Identifier, cancellationToken).ConfigureAwait(false);
    }
}
