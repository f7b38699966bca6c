namespace Teleread.Dicom.Network;

/// <summary>Storage Commitment Push Model as the SCU (PS3.4 Annex J), with the report on the same association.</summary>
public sealed partial class DicomScu
{
    /// <summary>
    /// Sends the N-ACTION-RQ of <paramref name="request"/>, then waits at most <paramref name="reportTimeout"/> for the
    /// SCP's N-EVENT-REPORT on this association, answers it and returns which instances were committed and which failed.
    /// The association must have accepted <see cref="DicomStorageCommitmentRequest.Proposal"/> with the SCP role.
    /// </summary>
    /// <exception cref="DicomStorageCommitmentException">
    /// The SCP role was not granted, the N-ACTION was refused, no report came in time (the association is then
    /// aborted), or the report is not this transaction's (answered 0115H, invalid argument value).
    /// </exception>
    public async Task<DicomStorageCommitmentResult> RequestStorageCommitmentAsync(DicomStorageCommitmentRequest request, TimeSpan reportTimeout,
        CancellationToken cancellationToken = default)
    {
        var context = Association.FindAcceptedContext(DicomUids.StorageCommitmentPushModel)
            ?? throw new DicomStorageCommitmentException("the node accepted no presentation context for Storage Commitment Push Model.");
        if (!context.RequestorScpRole)
        {
            throw new DicomStorageCommitmentException(
                "the node did not grant us the SCP role for Storage Commitment Push Model, so it would send its report on a new association.");
        }

        var answer = await NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
            DicomStorageCommitmentRequest.ActionTypeId, request.ToActionInformation(), cancellationToken).ConfigureAwait(false);
        if (!answer.Status.IsSuccess && !answer.Status.IsWarning)
        {
            throw new DicomStorageCommitmentException($"the node refused the storage commitment request (N-ACTION-RSP status {answer.Status}).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(reportTimeout);
        DicomStorageCommitmentResult? result = null;
        DicomStorageCommitmentException? mismatch = null;
        try
        {
            await ReceiveEventReportAsync(report =>
            {
                try
                {
                    result = DicomStorageCommitmentResult.Read(request, report);
                    return DicomStatus.Success;
                }
                catch (DicomStorageCommitmentException exception)
                {
                    mismatch = exception;
                    return DicomStatus.InvalidArgumentValue;
                }
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DicomStorageCommitmentException(
                $"no N-EVENT-REPORT for transaction {request.TransactionUid} within {reportTimeout.TotalSeconds:0.###} s on this association, which was aborted " +
                "(an SCP that reports on a new association instead, like Orthanc, is not supported).", exception);
        }

        return result ?? throw mismatch!;
    }
}
