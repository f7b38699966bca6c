using Teleread.Archive.Ingest;
using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>C-STORE SCP: a thin adapter onto the one ingest service; success only once stored in both sites and indexed.</summary>
public sealed class DimseStoreHandler(IngestService ingest, ClinicAeDirectory clinics, ILogger<DimseStoreHandler> logger) : IDicomStoreHandler
{
    public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        var clinic = await clinics.FindClinicAsync(request.Context.CallingAeTitle, cancellationToken).ConfigureAwait(false);
        if (clinic is null)
        {
            request.ErrorComment = "Calling AE title belongs to no clinic";
            return DicomStatus.UnableToProcess;
        }

        var result = await ingest.IngestDatasetAsync(new IngestSource(clinic, IngestOrigin.Dimse, request.Context.CallingAeTitle), dataSet,
            request.TransferSyntax.Uid, request.SopClassUid, request.SopInstanceUid, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return DicomStatus.Success;
        }

        var reason = result.FailureReason ?? result.Outcome.ToString();
        DimseLog.StoreRefused(logger, request.SopInstanceUid, request.Context.CallingAeTitle, result.DicomStatus, reason);
        request.ErrorComment = reason;
        return new DicomStatus(result.DicomStatus);
    }
}
