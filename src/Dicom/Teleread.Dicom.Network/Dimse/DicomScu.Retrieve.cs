using System.Runtime.CompilerServices;

namespace Teleread.Dicom.Network;

/// <summary>C-MOVE and C-GET as the SCU.</summary>
public sealed partial class DicomScu
{
    /// <summary>C-MOVE: yields every response (pending ones with counts, then the final one). Cancelling sends C-CANCEL.</summary>
    public async IAsyncEnumerable<DicomOperationProgress> MoveAsync(string sopClassUid, string moveDestination, DicomDataset identifier,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = RequireContext(sopClassUid, null);
        var request = DicomCommand.CMoveRequest(NextMessageId(), sopClassUid, moveDestination);
        using (var encoded = DimseDataSets.Encode(identifier, DicomTransferSyntax.Lookup(context.TransferSyntax!)))
        {
            await Association.SendMessageAsync(context.Id, request.Encode(), encoded, CancellationToken.None).ConfigureAwait(false);
        }

        await using var cancel = new CancelOnce(this, context, request.MessageId, cancellationToken);
        var finished = false;
        try
        {
            while (!finished)
            {
                var response = await ReceiveResponseAsync(request, CancellationToken.None).ConfigureAwait(false);
                finished = !response.Command.Status.IsPending;
                yield return new DicomOperationProgress(response.Command.Status, response.Command.SubOperations);
            }
        }
        finally
        {
            if (!finished && Association.State == DicomAssociationState.Established)
            {
                cancel.Request();
                await DrainToFinalAsync(request).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// C-GET: the SCP sends the matches back as C-STORE sub-operations on this association, each
    /// handed to <paramref name="store"/> as a stream; yields every C-GET response. The association
    /// must have storage contexts where we took the SCP role.
    /// </summary>
    public async IAsyncEnumerable<DicomOperationProgress> GetAsync(string sopClassUid, DicomDataset identifier, IDicomStoreHandler store,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = RequireContext(sopClassUid, null);
        var request = DicomCommand.CGetRequest(NextMessageId(), sopClassUid);
        using (var encoded = DimseDataSets.Encode(identifier, DicomTransferSyntax.Lookup(context.TransferSyntax!)))
        {
            await Association.SendMessageAsync(context.Id, request.Encode(), encoded, CancellationToken.None).ConfigureAwait(false);
        }

        await using var cancel = new CancelOnce(this, context, request.MessageId, cancellationToken);
        var finished = false;
        while (!finished)
        {
            var message = await Association.ReceiveMessageAsync(CancellationToken.None).ConfigureAwait(false)
                ?? throw new DicomAssociationAbortedException("The peer released the association during C-GET.",
                    Pdus.AbortSource.ServiceProvider, Pdus.AbortReason.ReasonNotSpecified, abortedByPeer: true);
            var command = DicomCommand.Decode(message.Command);
            if (command.CommandField == DicomCommandField.CStoreRequest)
            {
                var storeContext = new DicomRequestContext(Association, message.PresentationContext, command);
                DicomStatus status;
                try
                {
                    status = await store.StoreAsync(new DicomStoreRequest(storeContext), message.OpenDataSet(), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not (DicomAssociationAbortedException or DicomNetworkProtocolException))
                {
                    status = DicomStatus.ProcessingFailure;
                }

                await Association.SendMessageAsync(message.PresentationContext.Id, DicomCommand.ResponseTo(command, status).Encode(), null, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (command.CommandField != DicomCommandField.CGetResponse || command.MessageIdBeingRespondedTo != request.MessageId)
            {
                var exception = new DicomNetworkProtocolException("P-DATA-TF Command", $"expected a C-GET-RSP or C-STORE-RQ but received {command}.", Pdus.AbortReason.UnexpectedPduParameter);
                await Association.AbortAsync(exception.AbortSource, exception.AbortReason).ConfigureAwait(false);
                throw exception;
            }

            finished = !command.Status.IsPending;
            yield return new DicomOperationProgress(command.Status, command.SubOperations);
        }
    }
}
