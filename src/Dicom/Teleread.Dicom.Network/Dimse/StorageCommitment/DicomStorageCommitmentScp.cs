namespace Teleread.Dicom.Network;

/// <summary>
/// Storage Commitment Push Model as the SCP, reporting on the requestor's association (PS3.4 J.3.3): the N-ACTION-RQ
/// (type 1 on the well-known instance) is answered at once, <c>commit</c> decides what is committed, and the
/// N-EVENT-REPORT follows the N-ACTION-RSP when the requestor took the SCP role. <see cref="Reported"/> says whether
/// it could be sent; a caller that must report elsewhere (a new association) handles that itself.
/// </summary>
public sealed class DicomStorageCommitmentScp(
    Func<DicomStorageCommitmentRequest, DicomRequestContext, CancellationToken, ValueTask<DicomStorageCommitmentResult>> commit)
    : IDicomNActionHandler
{
    /// <summary>Raised after each report with the result and the requestor's N-EVENT-REPORT-RSP (null when this association could not carry it).</summary>
    public event Action<DicomStorageCommitmentResult, DicomNResult?>? Reported;

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

        if (request.ActionTypeId != DicomStorageCommitmentRequest.ActionTypeId)
        {
            return new DicomNResult(DicomStatus.NoSuchActionType);
        }

        if (DicomStorageCommitmentRequest.Read(request.DataSet) is not { } parsed)
        {
            return new DicomNResult(DicomStatus.InvalidArgumentValue);
        }

        var result = await commit(parsed, request.Context, cancellationToken).ConfigureAwait(false);
        return new DicomNResult(DicomStatus.Success)
        {
            AfterResponse = async (reporter, ct) =>
            {
                var answer = await reporter.TrySendAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                    result.EventTypeId, result.ToEventInformation(), ct).ConfigureAwait(false);
                Reported?.Invoke(result, answer);
            },
        };
    }
}
