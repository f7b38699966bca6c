using Teleread.Archive;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Identity;

namespace Teleread.Server.Dimse;

/// <summary>
/// Storage Commitment Push Model SCP: answers the N-ACTION at once, checks each referenced instance is stored
/// for the caller's clinic, then sends the N-EVENT-REPORT on the same association when the requestor took the
/// SCP role and is still there, otherwise on a new association to the clinic's node with the calling AE title.
/// </summary>
public sealed class DimseStorageCommitmentHandler(
    RetrieveService retrieve, ClinicAeDirectory clinics, DicomNodeStore nodes, DicomNodeConnector connector, ILogger<DimseStorageCommitmentHandler> logger)
    : IDicomNActionHandler
{
    private const ushort RequestStorageCommitment = 1;

    public async ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken)
    {
        if (request.SopClassUid != DicomUids.StorageCommitmentPushModel)
        {
            return new DicomNResult(DicomStatus.SopClassNotSupported);
        }

        if (request.SopInstanceUid != DicomUids.StorageCommitmentPushModelInstance)
        {
            return new DicomNResult(DicomStatus.NoSuchObjectInstance);
        }

        if (request.ActionTypeId != RequestStorageCommitment)
        {
            return new DicomNResult(DicomStatus.NoSuchActionType);
        }

        var callingAe = request.Context.CallingAeTitle.Trim();
        var clinic = await clinics.FindClinicAsync(callingAe, cancellationToken).ConfigureAwait(false);
        if (clinic is null || StorageCommitmentReport.ParseRequest(request.DataSet) is not { } parsed)
        {
            return new DicomNResult(clinic is null ? DicomStatus.ProcessingFailure : DicomStatus.InvalidArgumentValue);
        }

        var stored = await retrieve.FindInstancesAsync(ArchiveAccess.Clinic(clinic), parsed.References.Select(r => r.SopInstanceUid).ToList(), cancellationToken).ConfigureAwait(false);
        var report = StorageCommitmentReport.Build(parsed.TransactionUid, parsed.References, stored);
        DimseLog.CommitmentChecked(logger, parsed.TransactionUid, callingAe, report.Committed, report.Failed);
        return new DicomNResult(DicomStatus.Success)
        {
            AfterResponse = (reporter, ct) => DeliverAsync(reporter, report, clinic, callingAe, parsed.TransactionUid, ct),
        };
    }

    private async Task DeliverAsync(DicomEventReporter reporter, StorageCommitmentReport report, string clinic, string callingAe, string transactionUid, CancellationToken ct)
    {
        if (await reporter.TrySendAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                report.EventTypeId, report.EventInformation, ct).ConfigureAwait(false) is not null)
        {
            return;
        }

        var node = await nodes.FindAsync(clinic, callingAe, ct).ConfigureAwait(false);
        if (node is null)
        {
            DimseLog.CommitmentReportNotDelivered(logger, transactionUid, callingAe, "the association is gone and the clinic registered no node with this AE title");
            return;
        }

        try
        {
            var proposal = new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel,
                DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid) { ProposedRoles = (Scu: false, Scp: true) };
            await using var association = await connector.OpenAsync(node, [proposal], ct).ConfigureAwait(false);
            var answer = await new DicomScu(association).NEventReportAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                report.EventTypeId, report.EventInformation, ct).ConfigureAwait(false);
            await association.ReleaseAsync(ct).ConfigureAwait(false);
            if (!answer.Status.IsSuccess)
            {
                DimseLog.CommitmentReportNotDelivered(logger, transactionUid, callingAe, $"N-EVENT-REPORT-RSP status {answer.Status}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DimseLog.CommitmentReportNotDelivered(logger, transactionUid, callingAe, exception.Message);
        }
    }
}
