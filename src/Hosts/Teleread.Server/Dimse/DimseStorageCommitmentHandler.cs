using Teleread.Archive;
using Teleread.Archive.Commitment;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>
/// Storage Commitment Push Model SCP: checks each referenced instance is stored for the caller's clinic, writes the
/// report to the durable outbox and only then answers the N-ACTION, so an answered request is never lost. The report
/// then goes on the same association when the requestor took the SCP role and is still there (and leaves the outbox);
/// otherwise <see cref="StorageCommitmentReportSender"/> sends it, at once and then with backoff, to the clinic's node
/// with the calling AE title.
/// </summary>
public sealed class DimseStorageCommitmentHandler(
    RetrieveService retrieve, ClinicAeDirectory clinics, ICommitmentReportOutbox outbox, StorageCommitmentReportSender sender, TimeProvider clock,
    ILogger<DimseStorageCommitmentHandler> logger)
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
        // Held by this association until it has tried; after a crash the sender takes it once the lease has passed.
        var id = await outbox.AddAsync(new NewCommitmentReport(clinic, callingAe, parsed.TransactionUid, report.EventTypeId, report.EventInformation),
            clock.GetUtcNow() + sender.AttemptLease, cancellationToken).ConfigureAwait(false);
        return new DicomNResult(DicomStatus.Success)
        {
            AfterResponse = (reporter, ct) => DeliverAsync(reporter, report, id, callingAe, parsed.TransactionUid, ct),
        };
    }

    private async Task DeliverAsync(DicomEventReporter reporter, StorageCommitmentReport report, string id, string callingAe, string transactionUid, CancellationToken ct)
    {
        string reason;
        try
        {
            var answer = await reporter.TrySendAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                report.EventTypeId, report.EventInformation, ct).ConfigureAwait(false);
            if (answer is { Status.IsSuccess: true })
            {
                await outbox.RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            reason = answer is null ? "no SCP role or the association is gone" : $"N-EVENT-REPORT-RSP status {answer.Status}";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            reason = exception.Message;
        }

        DimseLog.CommitmentReportToNode(logger, transactionUid, callingAe, reason);
        await outbox.RescheduleAsync(id, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        sender.Wake();
    }
}
