using System.Runtime.CompilerServices;

namespace Teleread.Dicom.Network;

/// <summary>
/// DIMSE operations as the SCU over an open association: C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET,
/// N-ACTION, N-EVENT-REPORT. One operation at a time; multi-response operations are async streams
/// whose cancellation sends C-CANCEL and waits for the final response.
/// </summary>
public sealed partial class DicomScu(DicomAssociation association)
{
    private int _nextMessageId;

    public DicomAssociation Association { get; } = association;

    public async Task<DicomStatus> EchoAsync(CancellationToken cancellationToken = default)
    {
        var context = RequireContext(DicomUids.Verification, null);
        var request = DicomCommand.CEchoRequest(NextMessageId());
        await Association.SendMessageAsync(context.Id, request.Encode(), null, cancellationToken).ConfigureAwait(false);
        return (await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false)).Command.Status;
    }

    /// <summary>Sends one instance; <paramref name="dataSet"/> (encoded in <paramref name="transferSyntaxUid"/>) is streamed, never buffered.</summary>
    /// <remarks>As a C-MOVE sub-operation, <paramref name="moveOriginatorAeTitle"/> and <paramref name="moveOriginatorMessageId"/> name the C-MOVE (PS3.7 9.3.1.1).</remarks>
    public async Task<DicomStatus> StoreAsync(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, Stream dataSet,
        DicomPriority priority = DicomPriority.Medium, CancellationToken cancellationToken = default, string? moveOriginatorAeTitle = null, ushort? moveOriginatorMessageId = null)
    {
        var context = RequireContext(sopClassUid, transferSyntaxUid);
        var request = DicomCommand.CStoreRequest(NextMessageId(), sopClassUid, sopInstanceUid, priority, moveOriginatorAeTitle, moveOriginatorMessageId);
        await Association.SendMessageAsync(context.Id, request.Encode(), dataSet, cancellationToken).ConfigureAwait(false);
        return (await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false)).Command.Status;
    }

    /// <summary>Encodes <paramref name="dataset"/> in the transfer syntax accepted for its SOP class (the first one) and stores it.</summary>
    public async Task<DicomStatus> StoreAsync(DicomDataset dataset, CancellationToken cancellationToken = default)
    {
        var sopClassUid = dataset.GetString(DicomTags.SOPClassUID);
        var context = RequireContext(sopClassUid, null);
        using var encoded = DimseDataSets.Encode(dataset, DicomTransferSyntax.Lookup(context.TransferSyntax!));
        return await StoreAsync(sopClassUid, dataset.GetString(DicomTags.SOPInstanceUID), context.TransferSyntax!, encoded, DicomPriority.Medium, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>C-FIND: yields each matching identifier. Cancelling sends C-CANCEL and drains to the final response.</summary>
    public async IAsyncEnumerable<DicomDataset> FindAsync(string sopClassUid, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = RequireContext(sopClassUid, null);
        var request = DicomCommand.CFindRequest(NextMessageId(), sopClassUid);
        using (var encoded = DimseDataSets.Encode(identifier, DicomTransferSyntax.Lookup(context.TransferSyntax!)))
        {
            await Association.SendMessageAsync(context.Id, request.Encode(), encoded, CancellationToken.None).ConfigureAwait(false);
        }

        await using var cancel = new CancelOnce(this, context, request.MessageId, cancellationToken);
        var finished = false;
        try
        {
            while (true)
            {
                var response = await ReceiveResponseAsync(request, CancellationToken.None).ConfigureAwait(false);
                DicomDataset? match = null;
                if (response.Command.HasDataSet)
                {
                    match = await DimseDataSets.ReadAsync(response.Message.OpenDataSet(), DicomTransferSyntax.Lookup(context.TransferSyntax!), CancellationToken.None).ConfigureAwait(false);
                }

                if (!response.Command.Status.IsPending)
                {
                    finished = true;
                    cancellationToken.ThrowIfCancellationRequested();
                    EnsureFinalSucceeded(response.Command);
                    yield break;
                }

                if (match is not null && !cancel.Requested)
                {
                    yield return match;
                }
            }
        }
        finally
        {
            if (!finished && Association.State == DicomAssociationState.Established)
            {
                // The consumer stopped early: cancel the operation and drain to its final response.
                cancel.Request();
                await DrainToFinalAsync(request).ConfigureAwait(false);
            }
        }
    }

    private async Task DrainToFinalAsync(DicomCommand request)
    {
        while (true)
        {
            var response = await ReceiveResponseAsync(request, CancellationToken.None).ConfigureAwait(false);
            if (!response.Command.Status.IsPending)
            {
                return;
            }
        }
    }

    public async Task<DicomNResult> NActionAsync(string sopClassUid, string sopInstanceUid, ushort actionTypeId, DicomDataset? actionInformation, CancellationToken cancellationToken = default)
    {
        var context = RequireContext(sopClassUid, null);
        var request = DicomCommand.NActionRequest(NextMessageId(), sopClassUid, sopInstanceUid, actionTypeId, actionInformation is not null);
        return await SendNRequestAsync(context, request, actionInformation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DicomNResult> NEventReportAsync(string sopClassUid, string sopInstanceUid, ushort eventTypeId, DicomDataset? eventInformation, CancellationToken cancellationToken = default)
    {
        var context = RequireContext(sopClassUid, null);
        var request = DicomCommand.NEventReportRequest(NextMessageId(), sopClassUid, sopInstanceUid, eventTypeId, eventInformation is not null);
        return await SendNRequestAsync(context, request, eventInformation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DicomNResult> SendNRequestAsync(DicomPresentationContext context, DicomCommand request, DicomDataset? dataSet, CancellationToken cancellationToken)
    {
        var syntax = DicomTransferSyntax.Lookup(context.TransferSyntax!);
        using (var encoded = dataSet is null ? null : DimseDataSets.Encode(dataSet, syntax))
        {
            await Association.SendMessageAsync(context.Id, request.Encode(), encoded, cancellationToken).ConfigureAwait(false);
        }

        var response = await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false);
        var reply = response.Command.HasDataSet
            ? await DimseDataSets.ReadAsync(response.Message.OpenDataSet(), syntax, cancellationToken).ConfigureAwait(false)
            : null;
        return new DicomNResult(response.Command.Status, reply);
    }

    private async Task<(DicomIncomingMessage Message, DicomCommand Command)> ReceiveResponseAsync(DicomCommand request, CancellationToken cancellationToken)
    {
        var message = await Association.ReceiveMessageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new DicomAssociationAbortedException($"The peer released the association instead of answering {request}.",
                Pdus.AbortSource.ServiceProvider, Pdus.AbortReason.ReasonNotSpecified, abortedByPeer: true);
        var command = DicomCommand.Decode(message.Command);
        if (!command.IsResponse || command.MessageIdBeingRespondedTo != request.MessageId)
        {
            var exception = new DicomNetworkProtocolException("P-DATA-TF Command", $"expected the response to {request} but received {command}.", Pdus.AbortReason.UnexpectedPduParameter);
            await Association.AbortAsync(exception.AbortSource, exception.AbortReason).ConfigureAwait(false);
            throw exception;
        }

        return (message, command);
    }

    private static void EnsureFinalSucceeded(DicomCommand response)
    {
        if (response.Status.IsFailure)
        {
            throw new DicomOperationFailedException(response);
        }
    }

    private DicomPresentationContext RequireContext(string abstractSyntax, string? transferSyntax)
        => Association.FindAcceptedContext(abstractSyntax, transferSyntax)
           ?? throw new InvalidOperationException($"No accepted presentation context for {abstractSyntax}{(transferSyntax is null ? "" : " with " + transferSyntax)}.");

    private ushort NextMessageId() => (ushort)Interlocked.Increment(ref _nextMessageId);

    /// <summary>Sends C-CANCEL once, when the consumer's token fires, for the operation still running.</summary>
    private sealed class CancelOnce : IAsyncDisposable
    {
        private readonly CancellationTokenRegistration _registration;
        private Task _sent = Task.CompletedTask;
        private int _requested;

        public CancelOnce(DicomScu scu, DicomPresentationContext context, ushort messageId, CancellationToken cancellationToken)
        {
            _scu = scu;
            _contextId = context.Id;
            _messageId = messageId;
            _registration = cancellationToken.Register(Request);
        }

        private readonly DicomScu _scu;
        private readonly byte _contextId;
        private readonly ushort _messageId;

        public void Request()
        {
            if (Interlocked.Exchange(ref _requested, 1) == 0)
            {
                _sent = _scu.Association.SendMessageAsync(_contextId, DicomCommand.CCancelRequest(_messageId).Encode(), null, CancellationToken.None).AsTask();
            }
        }

        public bool Requested => Volatile.Read(ref _requested) == 1;

        public async ValueTask DisposeAsync()
        {
            await _registration.DisposeAsync().ConfigureAwait(false);
            await _sent.ConfigureAwait(false);
        }
    }
}
