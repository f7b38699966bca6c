using System.Runtime.CompilerServices;
using Teleread.Archive;
using Teleread.Archive.Query;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>C-FIND SCP (Patient and Study Root): the identifier becomes the archive's one study query, scoped to the caller's clinic.</summary>
public sealed class DimseFindHandler(StudyQueryService queries, ClinicAeDirectory clinics) : IDicomFindHandler
{
    public async IAsyncEnumerable<DicomDataset> FindAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clinic = await clinics.FindClinicAsync(request.Context.CallingAeTitle, cancellationToken).ConfigureAwait(false);
        if (clinic is null)
        {
            yield break;
        }

        var query = DimseQueryMapping.ToStudyQuery(request.Identifier);
        var matches = await queries.QueryAsync(ArchiveAccess.Clinic(clinic), query, cancellationToken).ConfigureAwait(false);
        foreach (var match in matches)
        {
            yield return DimseQueryMapping.Response(request.Identifier, match);
        }
    }
}
