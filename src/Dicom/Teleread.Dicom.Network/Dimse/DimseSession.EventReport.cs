using System.Threading.Channels;

namespace Teleread.Dicom.Network;

/// <summary>N-EVENT-REPORT from the acceptor to the requestor on the same association, after an N-ACTION response.</summary>
internal sealed partial class DimseSession
{
    private async Task RunAfterResponseAsync(DicomNResult result, DicomRequestContext context, CancellationToken cancellationToken)
    {
        if (result.AfterResponse is not { } afterResponse)
        {
            return;
        }

        try
        {
            await afterResponse(new DicomEventReporter(SendEventReportAsync), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsHandlerFault(exception, cancellationToken))
        {
            LogHandlerFault(context, exception);
        }
    }

    private async Task<DicomNResult?> SendEventReportAsync(string sopClassUid, string sopInstanceUid, ushort eventTypeId, DicomDataset? eventInformation, CancellationToken cancellationToken)
    {
        var context = association.PresentationContexts.FirstOrDefault(c => c.IsAccepted && c.AbstractSyntax == sopClassUid && c.RequestorScpRole);
        if (context is null || association.State != DicomAssociationState.Established)
        {
            return null;
        }

        var messageId = NextMessageId();
        var request = DicomCommand.NEventReportRequest(messageId, sopClassUid, sopInstanceUid, eventTypeId, eventInformation is not null);
        var syntax = DicomTransferSyntax.Lookup(context.TransferSyntax!);
        try
        {
            using var encoded = eventInformation is null ? null : DimseDataSets.Encode(eventInformation, syntax);
            await association.SendMessageAsync(context.Id, request.Encode(), encoded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or ObjectDisposedException)
        {
            // Released or closed in the meantime: the report goes another way.
            return null;
        }

        InboundMessage response;
        try
        {
            response = await _inbox.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }

        try
        {
            if (response.Command.CommandField != DicomCommandField.NEventReportResponse || response.Command.MessageIdBeingRespondedTo != messageId)
            {
                throw new DicomNetworkProtocolException("P-DATA-TF Command",
                    $"expected the N-EVENT-REPORT-RSP to message {messageId} but received {response.Command}.", Pdus.AbortReason.UnexpectedPduParameter);
            }

            var reply = response.Command.HasDataSet
                ? await DimseDataSets.ReadAsync(response.Message.OpenDataSet(), syntax, cancellationToken).ConfigureAwait(false)
                : null;
            return new DicomNResult(response.Command.Status, reply);
        }
        finally
        {
            response.Consume();
        }
    }
}
