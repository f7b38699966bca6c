namespace Teleread.Dicom.Network;

/// <summary>
/// What the N-EVENT-REPORT of a Storage Commitment Push Model transaction says (PS3.4 J.3.3): Event Type 1 when every
/// instance is committed, 2 with a Failed SOP Sequence (0008,1198) naming each failure and its Failure Reason (0008,1197).
/// </summary>
public sealed record DicomStorageCommitmentResult(
    string TransactionUid, IReadOnlyList<DicomSopReference> Committed, IReadOnlyList<DicomStorageCommitmentFailure> Failed)
{
    /// <summary>Event Type ID 1: Storage Commitment Request Successful.</summary>
    public const ushort AllCommittedEventType = 1;

    /// <summary>Event Type ID 2: Storage Commitment Request Complete - Failures Exist.</summary>
    public const ushort FailuresExistEventType = 2;

    public bool AllCommitted => Failed.Count == 0;

    /// <summary>The Event Type ID that reports this result: 1 when nothing failed, else 2.</summary>
    public ushort EventTypeId => AllCommitted ? AllCommittedEventType : FailuresExistEventType;

    /// <summary>
    /// The N-EVENT-REPORT's Event Information: Transaction UID, Referenced SOP Sequence (0008,1199) with the committed
    /// instances when there are any, Failed SOP Sequence (0008,1198) with each failure's reason (0110H when it has none).
    /// </summary>
    public DicomDataset ToEventInformation()
    {
        var information = new DicomDataset();
        information.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, TransactionUid);
        if (Committed.Count > 0)
        {
            information.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, Committed.Select(r => Item(r))));
        }

        if (Failed.Count > 0)
        {
            information.AddOrUpdate(new DicomSequence(DicomTags.FailedSOPSequence, Failed.Select(f =>
            {
                var item = Item(f.Reference);
                item.AddOrUpdate<ushort>(DicomTags.FailureReason, DicomVR.US, f.FailureReason ?? DicomStorageCommitmentFailure.ProcessingFailure);
                return item;
            })));
        }

        return information;
    }

    /// <summary>
    /// Reads the report of <paramref name="request"/>. Every requested instance ends up either committed or failed;
    /// one the report does not name is failed with no reason. Instances the request did not name are ignored.
    /// </summary>
    /// <exception cref="DicomStorageCommitmentException">The report is for another class, instance, event type or transaction.</exception>
    public static DicomStorageCommitmentResult Read(DicomStorageCommitmentRequest request, DicomNEventReport report)
    {
        if (report.SopClassUid.Trim() != DicomUids.StorageCommitmentPushModel || report.SopInstanceUid.Trim() != DicomUids.StorageCommitmentPushModelInstance)
        {
            throw new DicomStorageCommitmentException(
                $"the N-EVENT-REPORT is for {report.SopClassUid} instance {report.SopInstanceUid}, not the Storage Commitment Push Model instance.");
        }

        if (report.EventTypeId is not (AllCommittedEventType or FailuresExistEventType))
        {
            throw new DicomStorageCommitmentException($"the N-EVENT-REPORT has Event Type ID {report.EventTypeId}; storage commitment defines 1 and 2.");
        }

        var transaction = report.EventInformation?.GetStringOrDefault(DicomTags.TransactionUID)?.Trim();
        if (transaction != request.TransactionUid)
        {
            throw new DicomStorageCommitmentException(
                $"the N-EVENT-REPORT is for transaction {transaction ?? "(none)"}, not {request.TransactionUid}.");
        }

        var committed = new Dictionary<string, DicomSopReference>(StringComparer.Ordinal);
        foreach (var item in Items(report.EventInformation, DicomTags.ReferencedSOPSequence))
        {
            var reference = Reference(item);
            committed.TryAdd(reference.SopInstanceUid, reference);
        }

        var failed = new Dictionary<string, DicomStorageCommitmentFailure>(StringComparer.Ordinal);
        foreach (var item in Items(report.EventInformation, DicomTags.FailedSOPSequence))
        {
            var reference = Reference(item);
            failed.TryAdd(reference.SopInstanceUid, new DicomStorageCommitmentFailure(reference,
                item.TryGetValue<ushort>(DicomTags.FailureReason, out var reason) ? reason : null));
        }

        if (report.EventTypeId == FailuresExistEventType && failed.Count == 0)
        {
            throw new DicomStorageCommitmentException("the N-EVENT-REPORT says failures exist (Event Type ID 2) but has no Failed SOP Sequence (0008,1198).");
        }

        var committedOut = new List<DicomSopReference>();
        var failedOut = new List<DicomStorageCommitmentFailure>();
        foreach (var reference in request.References)
        {
            if (failed.TryGetValue(reference.SopInstanceUid, out var failure))
            {
                failedOut.Add(failure with { Reference = reference });
            }
            else if (committed.TryGetValue(reference.SopInstanceUid, out var reported) && reported.SopClassUid == reference.SopClassUid)
            {
                committedOut.Add(reference);
            }
            else
            {
                failedOut.Add(new DicomStorageCommitmentFailure(reference, null));
            }
        }

        return new DicomStorageCommitmentResult(transaction, committedOut, failedOut);
    }

    private static IEnumerable<DicomDataset> Items(DicomDataset? information, DicomTag sequence) =>
        information?.GetSequence(sequence)?.Items ?? (IEnumerable<DicomDataset>)[];

    private static DicomItem Item(DicomSopReference reference)
    {
        var item = new DicomItem();
        item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, reference.SopClassUid);
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, reference.SopInstanceUid);
        return item;
    }

    private static DicomSopReference Reference(DicomDataset item) => new(
        (item.GetStringOrDefault(DicomTags.ReferencedSOPClassUID) ?? "").Trim(),
        (item.GetStringOrDefault(DicomTags.ReferencedSOPInstanceUID) ?? "").Trim());
}
