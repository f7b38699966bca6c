using Teleread.Archive.Commitment;
using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Identity;

namespace Teleread.Server.Dimse;

/// <summary>
/// Sends one outbox report on a new association to the node that the report's own clinic registered under the
/// calling AE title (we propose the SCP role for Storage Commitment). Never looks at another clinic's nodes.
/// </summary>
public sealed class ClinicNodeEventReporter(DicomNodeStore nodes, DicomNodeConnector connector)
{
    /// <summary>Null when the node answered Success; otherwise why the report was not delivered.</summary>
    public async Task<string?> SendAsync(CommitmentReportEntry entry, CancellationToken ct)
    {
        var node = await nodes.FindAsync(entry.ClinicId, entry.CallingAeTitle, ct).ConfigureAwait(false);
        if (node is null)
        {
            return $"the clinic registered no DICOM node with AE title {entry.CallingAeTitle}";
        }

        try
        {
            var proposal = new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel,
                DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid) { ProposedRoles = (Scu: false, Scp: true) };
            await using var association = await connector.OpenAsync(node, [proposal], ct).ConfigureAwait(false);
            var answer = await new DicomScu(association).NEventReportAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                entry.EventTypeId, entry.EventInformation, ct).ConfigureAwait(false);
            await association.ReleaseAsync(ct).ConfigureAwait(false);
            return answer.Status.IsSuccess ? null : $"{node.Host}:{node.Port} answered N-EVENT-REPORT-RSP status {answer.Status}";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return $"{node.Host}:{node.Port}: {exception.Message}";
        }
    }
}
