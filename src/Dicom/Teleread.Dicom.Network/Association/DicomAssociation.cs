using System.Buffers;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// An established association, from either side. Messages go out through
/// <see cref="SendMessageAsync"/> (fragmented to the peer's Maximum Length; safe to call
/// concurrently) and come in through <see cref="ReceiveMessageAsync"/> (one reader at a time),
/// whose data set is streamed from the PDUs as they arrive.
/// </summary>
public sealed partial class DicomAssociation : IAsyncDisposable
{
    /// <summary>Largest PDU we send when the peer announced no limit (0) or a huge one.</summary>
    public const int SendPduLengthCap = 1024 * 1024;

    private const int MaximumCommandLength = 1024 * 1024;

    private readonly Stream _transport;
    private readonly PduReader _reader;
    private readonly PDataWriter _writer;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private CancellationTokenSource _readTimer = new();
    private readonly DicomAssociationTimeouts _timeouts;
    private readonly ILogger _logger;
    private DataTransferPdu? _currentPdu;
    private int _currentIndex;
    private DicomDataSetReadStream? _openDataSet;
    private byte? _unopenedDataSetContext;
    private int _closed;

    internal DicomAssociation(Stream transport, PduReader reader, bool isRequestor, AssociateRequestPdu request, AssociateAcceptPdu accept,
        IReadOnlyList<DicomPresentationContext> presentationContexts, EndPoint? remoteEndPoint, DicomAssociationTimeouts timeouts, ILogger? logger)
    {
        _transport = transport;
        _reader = reader;
        _timeouts = timeouts;
        _logger = logger ?? NullLogger.Instance;
        IsRequestor = isRequestor;
        Request = request;
        Accept = accept;
        PresentationContexts = presentationContexts;
        RemoteEndPoint = remoteEndPoint;

        var peerUserInformation = isRequestor ? accept.UserInformation : request.UserInformation;
        var peerMaximum = peerUserInformation.MaximumLength ?? 0;
        if (peerMaximum is > 0 and <= PresentationDataValue.Overhead)
        {
            throw new DicomNetworkProtocolException("Maximum Length Sub-Item Maximum-length-received",
                $"value {peerMaximum} leaves no room for data in a PDV.");
        }

        MaximumSendPduLength = peerMaximum == 0 || peerMaximum > SendPduLengthCap ? SendPduLengthCap : (int)peerMaximum;
        _writer = new PDataWriter(transport, MaximumSendPduLength);
        var window = accept.UserInformation.AsynchronousOperationsWindow;
        AsynchronousOperationsWindow = window ?? new AsynchronousOperationsWindowSubItem(1, 1);
    }

    public bool IsRequestor { get; }

    public AssociateRequestPdu Request { get; }

    public AssociateAcceptPdu Accept { get; }

    public string CallingAeTitle => Request.CallingAeTitle;

    public string CalledAeTitle => Request.CalledAeTitle;

    public EndPoint? RemoteEndPoint { get; }

    public IReadOnlyList<DicomPresentationContext> PresentationContexts { get; }

    /// <summary>Largest P-DATA-TF PDU-length we send: the peer's Maximum Length, capped at <see cref="SendPduLengthCap"/>.</summary>
    public int MaximumSendPduLength { get; }

    /// <summary>Largest P-DATA-TF PDU-length we accept.</summary>
    public int MaximumReceivePduLength => _reader.MaximumDataTransferPduLength;

    /// <summary>The window the acceptor replied with; (1, 1) when none was negotiated.</summary>
    public AsynchronousOperationsWindowSubItem AsynchronousOperationsWindow { get; }

    public UserIdentityRequestSubItem? UserIdentity => Request.UserInformation.UserIdentityRequest;

    public DicomAssociationState State { get; private set; } = DicomAssociationState.Established;

    /// <summary>
    /// Called once, just before this acceptor answers the peer's A-RELEASE-RQ: the server frees the association's slot
    /// (its per-AE and total counts) before the peer, seeing the answer, can open its next association.
    /// </summary>
    internal Action? Releasing { get; set; }

    /// <summary>The first accepted context for the abstract syntax (and transfer syntax, when given).</summary>
    public DicomPresentationContext? FindAcceptedContext(string abstractSyntax, string? transferSyntax = null)
    {
        foreach (var context in PresentationContexts)
        {
            if (context.IsAccepted && context.AbstractSyntax == abstractSyntax && (transferSyntax is null || context.TransferSyntax == transferSyntax))
            {
                return context;
            }
        }

        return null;
    }

    public DicomPresentationContext? FindContext(byte presentationContextId)
    {
        foreach (var context in PresentationContexts)
        {
            if (context.Id == presentationContextId)
            {
                return context;
            }
        }

        return null;
    }

    /// <summary>Sends a command set (already encoded, group 0000 implicit VR little endian) and an optional data set stream read to its end.</summary>
    public async ValueTask SendMessageAsync(byte presentationContextId, ReadOnlyMemory<byte> command, Stream? dataSet = null, CancellationToken cancellationToken = default)
    {
        if (FindContext(presentationContextId) is not { IsAccepted: true })
        {
            throw new ArgumentException($"Presentation context {presentationContextId} was not accepted on this association.", nameof(presentationContextId));
        }

        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        EnsureOpen();
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureOpen();
            await _writer.WriteMessageAsync(presentationContextId, command, dataSet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // A half-written message leaves the stream unusable: the association cannot go on.
            await CloseAsync(AbortSource.ServiceUser, AbortReason.ReasonNotSpecified, sendAbort: exception is OperationCanceledException, alreadyLocked: true).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Receives the next message's command set. Null when the peer released the association (the
    /// A-RELEASE-RP has been sent). An unread data set of the previous message is skipped first.
    /// </summary>
    public async ValueTask<DicomIncomingMessage?> ReceiveMessageAsync(CancellationToken cancellationToken = default)
    {
        if (_openDataSet is { } previous)
        {
            await previous.DrainAsync(cancellationToken).ConfigureAwait(false);
            _openDataSet = null;
        }

        if (State is DicomAssociationState.Released)
        {
            return null;
        }

        var first = await NextPdvAsync(cancellationToken).ConfigureAwait(false);
        while (first is { IsCommand: false } skipped && skipped.PresentationContextId == _unopenedDataSetContext)
        {
            // The previous message carried a data set its receiver never opened: skip it.
            if (skipped.IsLastFragment)
            {
                _unopenedDataSetContext = null;
            }

            first = await NextPdvAsync(cancellationToken).ConfigureAwait(false);
        }

        _unopenedDataSetContext = null;
        if (first is not { } pdv)
        {
            return null;
        }

        var context = RequireCommandFragment(pdv, null);
        if (pdv.IsLastFragment)
        {
            _unopenedDataSetContext = context.Id;
            return new DicomIncomingMessage(this, context, pdv.Data.ToArray());
        }

        var command = new ArrayBufferWriter<byte>(pdv.Data.Length * 2);
        command.Write(pdv.Data.Span);
        while (true)
        {
            var next = await NextPdvAsync(cancellationToken).ConfigureAwait(false)
                ?? throw await FailAsync(new DicomNetworkProtocolException("A-RELEASE-RQ", "arrived in the middle of a command set.", AbortReason.UnexpectedPdu)).ConfigureAwait(false);
            RequireCommandFragment(next, context);
            if (command.WrittenCount + next.Data.Length > MaximumCommandLength)
            {
                throw await FailAsync(new DicomNetworkProtocolException("P-DATA-TF Presentation-data-value",
                    $"the command set exceeds {MaximumCommandLength} bytes.")).ConfigureAwait(false);
            }

            command.Write(next.Data.Span);
            if (next.IsLastFragment)
            {
                _unopenedDataSetContext = context.Id;
                return new DicomIncomingMessage(this, context, command.WrittenMemory.ToArray());
            }
        }
    }

    internal Stream OpenDataSet(DicomPresentationContext context)
    {
        if (_openDataSet is not null)
        {
            throw new InvalidOperationException("The data set of this message is already open.");
        }

        _unopenedDataSetContext = null;
        return _openDataSet = new DicomDataSetReadStream(this, context.Id);
    }

    internal async ValueTask ReadDataSetAsync(DicomPresentationContext context, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> consumer, CancellationToken cancellationToken)
    {
        if (_openDataSet is not null)
        {
            throw new InvalidOperationException("The data set of this message is already open.");
        }

        _unopenedDataSetContext = null;
        var lastSeen = false;
        try
        {
            while (!lastSeen)
            {
                var fragment = await NextDataSetFragmentAsync(context.Id, cancellationToken).ConfigureAwait(false);
                lastSeen = fragment.IsLastFragment;
                await consumer(fragment.Data, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!lastSeen)
            {
                // The consumer gave up part way: the rest is skipped before the next message.
                _openDataSet = new DicomDataSetReadStream(this, context.Id);
            }
        }
    }

    /// <summary>The next data set fragment of the message on <paramref name="presentationContextId"/>; only its data until the next call is valid.</summary>
    internal async ValueTask<PresentationDataValue> NextDataSetFragmentAsync(byte presentationContextId, CancellationToken cancellationToken)
    {
        var next = await NextPdvAsync(cancellationToken).ConfigureAwait(false)
            ?? throw await FailAsync(new DicomNetworkProtocolException("A-RELEASE-RQ", "arrived in the middle of a data set.", AbortReason.UnexpectedPdu)).ConfigureAwait(false);
        if (next.IsCommand)
        {
            throw await FailAsync(new DicomNetworkProtocolException("P-DATA-TF Message Control Header",
                "a command fragment arrived before the last data set fragment.", AbortReason.UnexpectedPduParameter)).ConfigureAwait(false);
        }

        if (next.PresentationContextId != presentationContextId)
        {
            throw await FailAsync(new DicomNetworkProtocolException("P-DATA-TF Presentation-context-ID",
                $"data set fragment on context {next.PresentationContextId} while the message uses {presentationContextId}.", AbortReason.UnexpectedPduParameter)).ConfigureAwait(false);
        }

        return next;
    }

    private DicomPresentationContext RequireCommandFragment(PresentationDataValue pdv, DicomPresentationContext? expected)
    {
        if (!pdv.IsCommand)
        {
            throw Fail(new DicomNetworkProtocolException("P-DATA-TF Message Control Header",
                "a data set fragment arrived where a command was expected.", AbortReason.UnexpectedPduParameter));
        }

        if (expected is not null)
        {
            if (pdv.PresentationContextId != expected.Id)
            {
                throw Fail(new DicomNetworkProtocolException("P-DATA-TF Presentation-context-ID",
                    $"command fragment on context {pdv.PresentationContextId} while the command began on {expected.Id}.", AbortReason.UnexpectedPduParameter));
            }

            return expected;
        }

        return FindContext(pdv.PresentationContextId) is { IsAccepted: true } context
            ? context
            : throw Fail(new DicomNetworkProtocolException("P-DATA-TF Presentation-context-ID",
                $"context {pdv.PresentationContextId} was not accepted on this association."));
    }

    private void EnsureOpen()
    {
        if (State is not DicomAssociationState.Established)
        {
            throw new InvalidOperationException($"The association is {State}.");
        }
    }

    private Exception Fail(DicomNetworkProtocolException exception)
    {
        _ = CloseAsync(exception.AbortSource, exception.AbortReason, sendAbort: true, alreadyLocked: false);
        NetworkLog.AssociationAborted(_logger, RemoteEndPoint, exception.AbortSource, exception.AbortReason, exception.Message);
        return exception;
    }

    private async ValueTask<Exception> FailAsync(DicomNetworkProtocolException exception)
    {
        NetworkLog.AssociationAborted(_logger, RemoteEndPoint, exception.AbortSource, exception.AbortReason, exception.Message);
        await CloseAsync(exception.AbortSource, exception.AbortReason, sendAbort: true, alreadyLocked: false).ConfigureAwait(false);
        return exception;
    }
}
