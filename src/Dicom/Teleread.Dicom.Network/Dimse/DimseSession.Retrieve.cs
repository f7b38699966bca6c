namespace Teleread.Dicom.Network;

/// <summary>The multi-response operations: C-FIND, C-MOVE and C-GET, each cancellable by C-CANCEL.</summary>
internal sealed partial class DimseSession
{
    private async Task FindAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        // Registered before the pump may read on, so a C-CANCEL right behind the request is not missed.
        using var operation = Register(context.Command.MessageId, cancellationToken);
        var request = await ReadQueryAsync(inbound, context, cancellationToken).ConfigureAwait(false);
        if (dispatcher.Find is null)
        {
            _cancellable.TryRemove(context.Command.MessageId, out _);
            await RespondAsync(context, DicomStatus.SopClassNotSupported, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        DicomStatus final;
        try
        {
            await foreach (var match in dispatcher.Find.FindAsync(request, operation.Token).WithCancellation(operation.Token).ConfigureAwait(false))
            {
                await RespondAsync(context, DicomStatus.Pending, match, cancellationToken).ConfigureAwait(false);
            }

            final = DicomStatus.Success;
        }
        catch (OperationCanceledException) when (operation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            final = DicomStatus.Cancel;
        }
        catch (Exception exception) when (IsHandlerFault(exception, cancellationToken))
        {
            LogHandlerFault(context, exception);
            final = DicomStatus.UnableToProcess;
        }
        finally
        {
            _cancellable.TryRemove(context.Command.MessageId, out _);
        }

        await RespondAsync(context, final, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task MoveAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        // Registered before the pump may read on, so a C-CANCEL right behind the request is not missed.
        using var operation = Register(context.Command.MessageId, cancellationToken);
        var request = await ReadQueryAsync(inbound, context, cancellationToken).ConfigureAwait(false);
        if (dispatcher.Move is null)
        {
            _cancellable.TryRemove(context.Command.MessageId, out _);
            await RespondAsync(context, DicomStatus.SopClassNotSupported, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var last = new DicomSubOperations(null, 0, 0, 0);
        DicomOperationProgress? final = null;
        try
        {
            await foreach (var progress in dispatcher.Move.MoveAsync(request, operation.Token).WithCancellation(operation.Token).ConfigureAwait(false))
            {
                if (!progress.Status.IsPending)
                {
                    final = progress;
                    break;
                }

                last = progress.Counts;
                await RespondAsync(context, progress.Status, null, cancellationToken, progress.Counts).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (operation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            final = new DicomOperationProgress(DicomStatus.Cancel, last);
        }
        catch (Exception exception) when (IsHandlerFault(exception, cancellationToken))
        {
            LogHandlerFault(context, exception);
            final = new DicomOperationProgress(DicomStatus.UnableToProcess, last with { Remaining = null });
        }
        finally
        {
            _cancellable.TryRemove(context.Command.MessageId, out _);
        }

        final ??= new DicomOperationProgress(
            last.Failed > 0 || last.Warning > 0 ? DicomStatus.SubOperationsCompleteWithFailures : DicomStatus.Success,
            last with { Remaining = null });
        await RespondAsync(context, final.Status, null, cancellationToken, final.Counts).ConfigureAwait(false);
    }

    private async Task GetAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        // Registered before the pump may read on, so a C-CANCEL right behind the request is not missed.
        using var operation = Register(context.Command.MessageId, cancellationToken);
        var request = await ReadQueryAsync(inbound, context, cancellationToken).ConfigureAwait(false);
        if (dispatcher.Get is null)
        {
            _cancellable.TryRemove(context.Command.MessageId, out _);
            await RespondAsync(context, DicomStatus.SopClassNotSupported, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<DicomInstanceSource> sources;
        try
        {
            sources = await dispatcher.Get.GetAsync(request, operation.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsHandlerFault(exception, cancellationToken))
        {
            LogHandlerFault(context, exception);
            _cancellable.TryRemove(context.Command.MessageId, out _);
            await RespondAsync(context, DicomStatus.UnableToProcess, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        ushort completed = 0, failed = 0, warning = 0;
        var remaining = (ushort)sources.Count;
        var cancelled = false;
        foreach (var source in sources)
        {
            if (operation.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            var status = await StoreSubOperationAsync(source, context, cancellationToken).ConfigureAwait(false);
            remaining--;
            if (status.IsSuccess)
            {
                completed++;
            }
            else if (status.IsWarning)
            {
                warning++;
            }
            else
            {
                failed++;
            }

            if (remaining > 0)
            {
                await RespondAsync(context, DicomStatus.Pending, null, cancellationToken, new DicomSubOperations(remaining, completed, failed, warning)).ConfigureAwait(false);
            }
        }

        _cancellable.TryRemove(context.Command.MessageId, out _);
        var final = cancelled ? DicomStatus.Cancel
            : failed > 0 || warning > 0 ? DicomStatus.SubOperationsCompleteWithFailures
            : DicomStatus.Success;
        await RespondAsync(context, final, null, cancellationToken, new DicomSubOperations(cancelled ? remaining : null, completed, failed, warning)).ConfigureAwait(false);
    }

    /// <summary>One C-STORE sub-operation of a C-GET, on the same association; the C-STORE-RSP comes back through the pump.</summary>
    private async Task<DicomStatus> StoreSubOperationAsync(DicomInstanceSource source, DicomRequestContext getContext, CancellationToken cancellationToken)
    {
        var storeContext = association.PresentationContexts.FirstOrDefault(c =>
            c.IsAccepted && c.AbstractSyntax == source.SopClassUid && c.TransferSyntax == source.TransferSyntaxUid && c.RequestorScpRole);
        if (storeContext is null)
        {
            return DicomStatus.SopClassNotSupported;
        }

        var messageId = NextMessageId();
        var request = DicomCommand.CStoreRequest(messageId, source.SopClassUid, source.SopInstanceUid, getContext.Command.Priority);
        await using (var dataSet = await source.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await association.SendMessageAsync(storeContext.Id, request.Encode(), dataSet, cancellationToken).ConfigureAwait(false);
        }

        var response = await _inbox.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        response.Consume();
        if (response.Command.CommandField != DicomCommandField.CStoreResponse || response.Command.MessageIdBeingRespondedTo != messageId)
        {
            throw new DicomNetworkProtocolException("P-DATA-TF Command",
                $"expected the C-STORE-RSP to message {messageId} during a C-GET but received {response.Command}.", Pdus.AbortReason.UnexpectedPduParameter);
        }

        return response.Command.Status;
    }

    private async Task<DicomQueryRequest> ReadQueryAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        var identifier = inbound.Command.HasDataSet
            ? await DimseDataSets.ReadAsync(inbound.Message.OpenDataSet(), context.TransferSyntax, cancellationToken).ConfigureAwait(false)
            : new DicomDataset();
        inbound.Consume();
        return new DicomQueryRequest(context, identifier);
    }

    private CancellationTokenSource Register(ushort messageId, CancellationToken cancellationToken)
    {
        var operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _cancellable[messageId] = operation;
        return operation;
    }
}
