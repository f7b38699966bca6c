using System.Globalization;
using System.Numerics;

namespace Teleread.Dicom.Network;

/// <summary>
/// A Storage Commitment Push Model request (PS3.4 J.3.2): the N-ACTION-RQ with Action Type ID 1 on the well-known
/// SOP instance 1.2.840.10008.1.20.1.1, carrying a Transaction UID and the Referenced SOP Sequence (0008,1199).
/// </summary>
public sealed record DicomStorageCommitmentRequest(string TransactionUid, IReadOnlyList<DicomSopReference> References)
{
    /// <summary>Action Type ID 1: Request Storage Commitment.</summary>
    public const ushort ActionTypeId = 1;

    /// <summary>A request with a fresh UUID-derived Transaction UID (2.25.…, PS3.5 B.2).</summary>
    public static DicomStorageCommitmentRequest For(IEnumerable<DicomSopReference> references)
    {
        var list = references.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A storage commitment request names at least one SOP instance.", nameof(references));
        }

        return new DicomStorageCommitmentRequest(NewTransactionUid(), list);
    }

    /// <summary>
    /// The presentation context to propose: the requestor is SCU (N-ACTION) and offers the SCP role, so that the
    /// N-EVENT-REPORT may come back on the same association (PS3.4 J.3.3).
    /// </summary>
    public static DicomPresentationContextProposal Proposal { get; } = new(DicomUids.StorageCommitmentPushModel,
        DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian) { ProposedRoles = (Scu: true, Scp: true) };

    /// <summary>The N-ACTION's Action Information: Transaction UID (0008,1195) and Referenced SOP Sequence (0008,1199).</summary>
    public DicomDataset ToActionInformation()
    {
        var items = References.Select(reference =>
        {
            var item = new DicomItem();
            item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, reference.SopClassUid);
            item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, reference.SopInstanceUid);
            return item;
        });
        var information = new DicomDataset();
        information.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, TransactionUid);
        information.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, items));
        return information;
    }

    /// <summary>The request an N-ACTION's Action Information carries, or null without a Transaction UID or referenced instances.</summary>
    public static DicomStorageCommitmentRequest? Read(DicomDataset? actionInformation)
    {
        var transaction = actionInformation?.GetStringOrDefault(DicomTags.TransactionUID)?.Trim();
        var items = actionInformation?.GetSequence(DicomTags.ReferencedSOPSequence)?.Items;
        if (string.IsNullOrEmpty(transaction) || items is null || items.Count == 0)
        {
            return null;
        }

        return new DicomStorageCommitmentRequest(transaction, items.Select(i => new DicomSopReference(
            (i.GetStringOrDefault(DicomTags.ReferencedSOPClassUID) ?? "").Trim(),
            (i.GetStringOrDefault(DicomTags.ReferencedSOPInstanceUID) ?? "").Trim())).ToList());
    }

    private static string NewTransactionUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
