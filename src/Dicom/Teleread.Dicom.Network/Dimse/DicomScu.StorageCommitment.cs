namespace Teleread.Dicom.Network;

/// <summary>
/// Storage Commitment Push Model as the SCU (PS3.4 Annex J): the report on the same association, or with a
/// <see cref="DicomStorageCommitmentListener"/> on a new association that the SCP opens to us, whichever comes first.
/// </summary>
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
    public Task<DicomStorageCommitmentResult> RequestStorageCommitmentAsync(DicomStorageCommitmentRequest request, TimeSpan reportTimeout,
        CancellationToken cancellationToken = default)
        => RequestStorageCommitmentAsync(request, reportTimeout, null, cancellationToken);

    /// <summary>
    /// Sends the N-ACTION-RQ of <paramref name="request"/> and waits at most <paramref name="reportTimeout"/> for the
    /// N-EVENT-REPORT on this association (when the SCP role was granted) or, with a <paramref name="listener"/>, on a
    /// new association the SCP opens to it — whichever comes first. When the listener's report comes first while this
    /// association was also waiting, this association is released (<see cref="DicomAssociationState.Released"/>);
    /// otherwise it stays established for the caller.
    /// </summary>
    /// <exception cref="DicomStorageCommitmentException">
    /// Without a listener the SCP role was not granted; the N-ACTION was refused; no report came in time (an association
    /// waited on is then aborted); or the report is not this transaction's (answered 0115H, invalid argument value).
    /// </exception>
    public async Task<DicomStorageCommitmentResult> RequestStorageCommitmentAsync(DicomStorageCommitmentRequest request, TimeSpan reportTimeout,
        DicomStorageCommitmentListener? listener, CancellationToken cancellationToken = default)
    {
        var context = Association.FindAcceptedContext(DicomUids.StorageCommitmentPushModel)
            ?? throw new DicomStorageCommitmentException("the node accepted no presentation context for Storage Commitment Push Model.");
        if (!context.RequestorScpRole && listener is null)
        {
            throw new DicomStorageCommitmentException(
                "the node did not grant us the SCP role for Storage Commitment Push Model, so it would send its report on a new association " +
                "(which needs a listener: dicom commit --listen PORT).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var viaListener = listener?.ExpectReportAsync(request, stopListening.Token);
        try
        {
            var answer = await NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                DicomStorageCommitmentRequest.ActionTypeId, request.ToActionInformation(), cancellationToken).ConfigureAwait(false);
            if (!answer.Status.IsSuccess && !answer.Status.IsWarning)
            {
                throw new DicomStorageCommitmentException($"the node refused the storage commitment request (N-ACTION-RSP status {answer.Status}).");
            }

            timeout.CancelAfter(reportTimeout);
            var viaAssociation = context.RequestorScpRole ? ReceiveReportAsync(request, timeout.Token) : null;
            return await FirstReportAsync(viaAssociation, viaListener).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var where = (context.RequestorScpRole, listener) switch
            {
                (true, null) => "on this association, which was aborted (an SCP that reports on a new association instead, like Orthanc, " +
                                "needs a listener: dicom commit --listen PORT)",
                (true, { } l) => $"on this association (aborted) nor on a new association to {l}; the node must know us as that AE, host and port",
                (false, { } l) => $"on a new association to {l} (the node did not grant us the SCP role for this association); " +
                                  "the node must know us as that AE, host and port",
                _ => "",
            };
            var rejected = listener?.RejectedPeerAeTitles is { Count: > 0 } titles
                ? $"; associations from unknown AE {string.Join(", ", titles)} were rejected"
                : "";
            throw new DicomStorageCommitmentException(
                $"no N-EVENT-REPORT for transaction {request.TransactionUid} within {reportTimeout.TotalSeconds:0.###} s {where}{rejected}.", exception);
        }
        finally
        {
            await stopListening.CancelAsync().ConfigureAwait(false);
            if (viaListener is not null)
            {
                await ((Task)viaListener).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The first report of either source; when the listener's comes first, the receive on this association ends by releasing it.</summary>
    private async Task<DicomStorageCommitmentResult> FirstReportAsync(Task<DicomStorageCommitmentResult?>? viaAssociation, Task<DicomStorageCommitmentResult>? viaListener)
    {
        if (viaListener is null)
        {
            return await viaAssociation!.ConfigureAwait(false) ?? throw ReleasedByPeer();
        }

        if (viaAssociation is null)
        {
            return await viaListener.ConfigureAwait(false);
        }

        var first = await Task.WhenAny((Task)viaAssociation, viaListener).ConfigureAwait(false);
        if (first == viaAssociation)
        {
            // A report on this association, or the association ended: the listener may still bring the report.
            if (viaAssociation.IsCompletedSuccessfully && viaAssociation.Result is { } result)
            {
                return result;
            }

            if (viaAssociation.Exception?.InnerException is DicomStorageCommitmentException mismatch)
            {
                throw mismatch;
            }

            return await viaListener.ConfigureAwait(false);
        }

        if (viaListener.IsCompletedSuccessfully && Association.State == DicomAssociationState.Established)
        {
            // Stop waiting on this association without aborting it: A-RELEASE-RQ, and the pending receive sees A-RELEASE-RP.
            try
            {
                await Association.RequestReleaseWhileReceivingAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // The association ended meanwhile; the receive below sees that.
            }

            await ((Task)viaAssociation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return await viaListener.ConfigureAwait(false);
    }

    /// <summary>The report on this association; null when the association was released (by us, once the listener's report came, or by the peer).</summary>
    private async Task<DicomStorageCommitmentResult?> ReceiveReportAsync(DicomStorageCommitmentRequest request, CancellationToken cancellationToken)
    {
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
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DicomAssociationAbortedException) when (Association.State == DicomAssociationState.Released)
        {
            return null;
        }

        return result ?? throw mismatch!;
    }

    private static DicomAssociationAbortedException ReleasedByPeer() => new("The peer released the association instead of sending an N-EVENT-REPORT.",
        Pdus.AbortSource.ServiceProvider, Pdus.AbortReason.ReasonNotSpecified, abortedByPeer: true);
}
