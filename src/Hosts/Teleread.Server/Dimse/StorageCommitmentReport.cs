using Teleread.Archive.Index;
using Teleread.Dicom;

namespace Teleread.Server.Dimse;

/// <summary>
/// Storage Commitment Push Model (PS3.4 J.3): the N-ACTION's Transaction UID and referenced instances in, the
/// N-EVENT-REPORT out: event type 1 when every instance is stored, 2 with a Failed SOP Sequence otherwise
/// (failure reason 0112H no such object instance, 0119H class/instance conflict).
/// </summary>
public sealed record StorageCommitmentReport(ushort EventTypeId, DicomDataset EventInformation, int Committed, int Failed)
{
    public const ushort AllSucceeded = 1;
    public const ushort SomeFailed = 2;
    private const ushort NoSuchObjectInstance = 0x0112;
    private const ushort ClassInstanceConflict = 0x0119;

    /// <summary>The transaction UID and referenced (SOP class, SOP instance) pairs of an N-ACTION, or null when they are missing.</summary>
    public static (string TransactionUid, IReadOnlyList<(string SopClassUid, string SopInstanceUid)> References)? ParseRequest(DicomDataset? actionInformation)
    {
        var transaction = actionInformation?.GetStringOrDefault(DicomTags.TransactionUID)?.Trim();
        var sequence = actionInformation?.GetSequence(DicomTags.ReferencedSOPSequence);
        if (string.IsNullOrEmpty(transaction) || sequence is null || sequence.Items.Count == 0)
        {
            return null;
        }

        var references = sequence.Items
            .Select(i => ((i.GetStringOrDefault(DicomTags.ReferencedSOPClassUID) ?? "").Trim(), (i.GetStringOrDefault(DicomTags.ReferencedSOPInstanceUID) ?? "").Trim()))
            .ToList();
        return (transaction, references);
    }

    public static StorageCommitmentReport Build(string transactionUid, IReadOnlyList<(string SopClassUid, string SopInstanceUid)> references, IEnumerable<StoredInstance> stored)
    {
        var byUid = stored.GroupBy(s => s.SopInstanceUid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SopClassUid, StringComparer.Ordinal);
        var committed = new List<DicomItem>();
        var failed = new List<DicomItem>();
        foreach (var (sopClass, sopInstance) in references)
        {
            var item = new DicomItem();
            item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, sopClass);
            item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, sopInstance);
            if (byUid.TryGetValue(sopInstance, out var storedClass) && storedClass == sopClass)
            {
                committed.Add(item);
                continue;
            }

            item.AddOrUpdate<ushort>(DicomTags.FailureReason, DicomVR.US, storedClass is null ? NoSuchObjectInstance : ClassInstanceConflict);
            failed.Add(item);
        }

        var information = new DicomDataset();
        information.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, transactionUid);
        if (committed.Count > 0)
        {
            information.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, committed));
        }

        if (failed.Count > 0)
        {
            information.AddOrUpdate(new DicomSequence(DicomTags.FailedSOPSequence, failed));
        }

        return new StorageCommitmentReport(failed.Count == 0 ? AllSucceeded : SomeFailed, information, committed.Count, failed.Count);
    }
}
