namespace Teleread.Dicom.Network;

/// <summary>Receiving an N-EVENT-REPORT as the requestor that took the SCP role (e.g. Storage Commitment on the same association).</summary>
public sealed partial class DicomScu
{
    /// <summary>Waits for the next message, which must be an N-EVENT-REPORT-RQ, answers it with <paramref name="status"/> and returns it.</summary>
    public Task<DicomNEventReport> ReceiveEventReportAsync(DicomStatus status, CancellationToken cancellationToken = default)
        => ReceiveEventReportAsync(_ => status, cancellationToken);

    /// <summary>Waits for the next message, which must be an N-EVENT-REPORT-RQ, answers it with the status <paramref name="answer"/> gives and returns it.</summary>
    public async Task<DicomNEventReport> ReceiveEventReportAsync(Func<DicomNEventReport, DicomStatus> answer, CancellationToken cancellationToken = default)
    {
        var message = await Association.ReceiveMessageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new DicomAssociationAbortedException("The peer released the association instead of sending an N-EVENT-REPORT.",
                Pdus.AbortSource.ServiceProvider, Pdus.AbortReason.ReasonNotSpecified, abortedByPeer: true);
        var command = DicomCommand.Decode(message.Command);
        if (command.CommandField != DicomCommandField.NEventReportRequest)
        {
            var exception = new DicomNetworkProtocolException("P-DATA-TF Command", $"expected an N-EVENT-REPORT-RQ but received {command}.", Pdus.AbortReason.UnexpectedPduParameter);
            await Association.AbortAsync(exception.AbortSource, exception.AbortReason).ConfigureAwait(false);
            throw exception;
        }

        var information = command.HasDataSet
            ? await DimseDataSets.ReadAsync(message.OpenDataSet(), DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax!), cancellationToken).ConfigureAwait(false)
            : null;
        var report = new DicomNEventReport(command.AffectedSopClassUid ?? "", command.AffectedSopInstanceUid ?? "", command.EventTypeId ?? 0, information);
        await Association.SendMessageAsync(message.PresentationContext.Id, DicomCommand.ResponseTo(command, answer(report)).Encode(), null, cancellationToken).ConfigureAwait(false);
        return report;
    }
}
