using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Teleread.Dicom.Network;

/// <summary>
/// One association served by a <see cref="DicomServiceDispatcher"/>. A pump reads messages and
/// hands them over one by one, waiting until each one's data set has been consumed; meanwhile it
/// answers C-CANCEL at once by cancelling the operation it names. The hand-over both ways runs the
/// waiting side's continuation on the thread that hands over (synchronous continuations): each side
/// runs only until it waits again, and a C-STORE costs no thread-pool hop between pump and dispatcher.
/// </summary>
internal sealed partial class DimseSession(DicomServiceDispatcher dispatcher, DicomAssociation association)
{
    private readonly Channel<InboundMessage> _inbox = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly ConcurrentDictionary<ushort, CancellationTokenSource> _cancellable = new();
    private int _nextMessageId;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(pumpStop.Token);
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_inbox.Reader.TryRead(out var inbound))
                {
                    await DispatchAsync(inbound, cancellationToken).ConfigureAwait(false);
                    inbound.Consume();
                }
            }
        }
        finally
        {
            if (!pump.IsCompleted)
            {
                await pumpStop.CancelAsync().ConfigureAwait(false);
            }

            await pump.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await association.ReceiveMessageAsync(cancellationToken).ConfigureAwait(false) is { } message)
            {
                var command = DicomCommand.Decode(message.Command);
                if (command.CommandField == DicomCommandField.CCancelRequest)
                {
                    if (_cancellable.TryGetValue(command.MessageIdBeingRespondedTo, out var operation))
                    {
                        await operation.CancelAsync().ConfigureAwait(false);
                    }

                    continue;
                }

                var inbound = new InboundMessage(message, command);
                await _inbox.Writer.WriteAsync(inbound, cancellationToken).ConfigureAwait(false);
                await inbound.Consumed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            _inbox.Writer.TryComplete();
        }
        catch (DicomNetworkProtocolException exception)
        {
            await association.AbortAsync(exception.AbortSource, exception.AbortReason).ConfigureAwait(false);
            _inbox.Writer.TryComplete(exception);
        }
        catch (Exception exception)
        {
            _inbox.Writer.TryComplete(exception);
        }
    }

    private async Task DispatchAsync(InboundMessage inbound, CancellationToken cancellationToken)
    {
        var context = new DicomRequestContext(association, inbound.Message.PresentationContext, inbound.Command);
        switch (inbound.Command.CommandField)
        {
            case DicomCommandField.CEchoRequest:
                var echo = dispatcher.Echo is null
                    ? DicomStatus.Success
                    : await Guard(() => dispatcher.Echo.EchoAsync(context, cancellationToken), context).ConfigureAwait(false);
                await RespondAsync(context, echo, null, cancellationToken).ConfigureAwait(false);
                break;
            case DicomCommandField.CStoreRequest:
                await StoreAsync(inbound, context, cancellationToken).ConfigureAwait(false);
                break;
            case DicomCommandField.CFindRequest:
                await FindAsync(inbound, context, cancellationToken).ConfigureAwait(false);
                break;
            case DicomCommandField.CMoveRequest:
                await MoveAsync(inbound, context, cancellationToken).ConfigureAwait(false);
                break;
            case DicomCommandField.CGetRequest:
                await GetAsync(inbound, context, cancellationToken).ConfigureAwait(false);
                break;
            case DicomCommandField.NActionRequest:
            case DicomCommandField.NEventReportRequest:
                await NServiceAsync(inbound, context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                if (!inbound.Command.IsResponse)
                {
                    await RespondAsync(context, DicomStatus.UnrecognizedOperation, null, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task StoreAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        if (dispatcher.Store is null || !inbound.Command.HasDataSet)
        {
            await RespondAsync(context, dispatcher.Store is null ? DicomStatus.SopClassNotSupported : DicomStatus.ProcessingFailure, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var dataSet = inbound.Message.OpenDataSet();
        var request = new DicomStoreRequest(context);
        var status = await Guard(() => dispatcher.Store.StoreAsync(request, dataSet, cancellationToken), context).ConfigureAwait(false);
        await RespondAsync(context, status, null, cancellationToken, errorComment: status.IsSuccess ? null : request.ErrorComment).ConfigureAwait(false);
    }

    private async Task NServiceAsync(InboundMessage inbound, DicomRequestContext context, CancellationToken cancellationToken)
    {
        var dataSet = inbound.Command.HasDataSet
            ? await DimseDataSets.ReadAsync(inbound.Message.OpenDataSet(), context.TransferSyntax, cancellationToken).ConfigureAwait(false)
            : null;
        inbound.Consume();
        var request = new DicomNRequest(context, dataSet);
        DicomNResult? result = null;
        try
        {
            result = inbound.Command.CommandField == DicomCommandField.NActionRequest
                ? dispatcher.NAction is null ? null : await dispatcher.NAction.ActionAsync(request, cancellationToken).ConfigureAwait(false)
                : dispatcher.NEventReport is null ? null : await dispatcher.NEventReport.EventReportAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsHandlerFault(exception, cancellationToken))
        {
            LogHandlerFault(context, exception);
            result = new DicomNResult(DicomStatus.ProcessingFailure);
        }

        result ??= new DicomNResult(DicomStatus.SopClassNotSupported);
        await RespondAsync(context, result.Status, result.DataSet, cancellationToken).ConfigureAwait(false);
        await RunAfterResponseAsync(result, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task RespondAsync(DicomRequestContext context, DicomStatus status, DicomDataset? dataSet, CancellationToken cancellationToken,
        DicomSubOperations? counts = null, string? errorComment = null)
    {
        var response = DicomCommand.ResponseTo(context.Command, status, hasDataSet: dataSet is not null);
        if (!string.IsNullOrWhiteSpace(errorComment))
        {
            response.ErrorComment = ErrorComments.Fit(errorComment);
        }

        if (counts is { } c)
        {
            response.SubOperations = c;
        }

        using var encoded = dataSet is null ? null : DimseDataSets.Encode(dataSet, context.TransferSyntax);
        await association.SendMessageAsync(context.PresentationContext.Id, response.Encode(), encoded, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<DicomStatus> Guard(Func<ValueTask<DicomStatus>> handler, DicomRequestContext context)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsHandlerFault(exception, CancellationToken.None))
        {
            LogHandlerFault(context, exception);
            return DicomStatus.ProcessingFailure;
        }
    }

    private static bool IsHandlerFault(Exception exception, CancellationToken cancellationToken)
        => exception is not (DicomAssociationAbortedException or DicomNetworkProtocolException)
           && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private void LogHandlerFault(DicomRequestContext context, Exception exception)
        => NetworkLog.DimseHandlerFailed(dispatcher.Logger, context.Command.CommandField, context.CallingAeTitle, exception);

    private ushort NextMessageId() => (ushort)Interlocked.Increment(ref _nextMessageId);

    private sealed class InboundMessage(DicomIncomingMessage message, DicomCommand command)
    {
        private readonly TaskCompletionSource _consumed = new();

        public DicomIncomingMessage Message { get; } = message;

        public DicomCommand Command { get; } = command;

        public Task Consumed => _consumed.Task;

        public void Consume() => _consumed.TrySetResult();
    }
}
