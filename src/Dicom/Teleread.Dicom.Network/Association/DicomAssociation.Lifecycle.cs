using System.Buffers;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>Reading PDUs under the idle timer, release, abort and closing of the transport.</summary>
public sealed partial class DicomAssociation
{
    /// <summary>Requests release (A-RELEASE-RQ) and waits, under ARTIM, for A-RELEASE-RP; P-DATA still arriving is discarded.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        await SendPduAsync(ReleaseRequestPdu.Instance, cancellationToken).ConfigureAwait(false);
        State = DicomAssociationState.ReleaseRequested;
        ReleaseCurrentPdu();
        while (true)
        {
            var pdu = await ReadPduAsync(_timeouts.Artim, cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case ReleaseResponsePdu:
                    State = DicomAssociationState.Released;
                    NetworkLog.AssociationReleased(_logger, CallingAeTitle, CalledAeTitle);
                    await CloseTransportAsync().ConfigureAwait(false);
                    return;
                case DataTransferPdu data:
                    data.Dispose();
                    break;
                case ReleaseRequestPdu:
                    // Release collision (PS3.8 9.2.2.1): the requestor answers first, then awaits the answer.
                    await SendPduAsync(ReleaseResponsePdu.Instance, cancellationToken).ConfigureAwait(false);
                    break;
                case AbortPdu abort:
                    State = DicomAssociationState.Aborted;
                    await CloseTransportAsync().ConfigureAwait(false);
                    throw new DicomAssociationAbortedException($"The peer aborted the association while it was being released ({abort.Source}, {abort.Reason}).", abort.Source, abort.Reason, abortedByPeer: true);
                default:
                    throw await FailAsync(new DicomNetworkProtocolException("PDU-type", $"{pdu.Type} is not expected while awaiting A-RELEASE-RP.", AbortReason.UnexpectedPdu)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends A-RELEASE-RQ while another call waits in <see cref="ReceiveMessageAsync"/>: that call keeps receiving (a
    /// message already on its way is still delivered) and returns null once the A-RELEASE-RP arrives. Only the requestor.
    /// </summary>
    internal async Task RequestReleaseWhileReceivingAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (!IsRequestor)
        {
            throw new InvalidOperationException("Only the association requestor releases while receiving.");
        }

        State = DicomAssociationState.ReleaseRequested;
        await SendPduAsync(ReleaseRequestPdu.Instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends A-ABORT (best effort) and closes the transport.</summary>
    public Task AbortAsync(AbortSource source = AbortSource.ServiceUser, AbortReason reason = AbortReason.ReasonNotSpecified)
        => CloseAsync(source, reason, sendAbort: true, alreadyLocked: false);

    public async ValueTask DisposeAsync()
    {
        if (State is DicomAssociationState.Established or DicomAssociationState.ReleaseRequested)
        {
            await AbortAsync().ConfigureAwait(false);
        }
        else
        {
            await CloseTransportAsync().ConfigureAwait(false);
        }

        ReleaseCurrentPdu();
        _readTimer.Dispose();
    }

    private async ValueTask<PresentationDataValue?> NextPdvAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_currentPdu is not null)
            {
                if (_currentIndex < _currentPdu.Values.Count)
                {
                    return _currentPdu.Values[_currentIndex++];
                }

                ReleaseCurrentPdu();
            }

            if (State is DicomAssociationState.Aborted)
            {
                throw new DicomAssociationAbortedException("The association was aborted.", AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, abortedByPeer: false);
            }

            if (State is not (DicomAssociationState.Established or DicomAssociationState.ReleaseRequested))
            {
                throw new InvalidOperationException($"The association is {State}.");
            }

            var pdu = await ReadPduAsync(_timeouts.Idle, cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case DataTransferPdu data:
                    _currentPdu = data;
                    _currentIndex = 0;
                    break;
                case ReleaseResponsePdu when State is DicomAssociationState.ReleaseRequested:
                    // The answer to RequestReleaseWhileReceivingAsync.
                    State = DicomAssociationState.Released;
                    NetworkLog.AssociationReleased(_logger, CallingAeTitle, CalledAeTitle);
                    await CloseTransportAsync().ConfigureAwait(false);
                    return null;
                case ReleaseRequestPdu when State is DicomAssociationState.ReleaseRequested:
                    // Release collision (PS3.8 9.2.2.1): the requestor answers first, then awaits the answer.
                    await SendPduAsync(ReleaseResponsePdu.Instance, cancellationToken).ConfigureAwait(false);
                    break;
                case ReleaseRequestPdu:
                    Releasing?.Invoke();
                    await SendPduAsync(ReleaseResponsePdu.Instance, cancellationToken).ConfigureAwait(false);
                    State = DicomAssociationState.Released;
                    NetworkLog.AssociationReleased(_logger, CallingAeTitle, CalledAeTitle);
                    await WaitForPeerCloseAsync().ConfigureAwait(false);
                    return null;
                case AbortPdu abort:
                    State = DicomAssociationState.Aborted;
                    await CloseTransportAsync().ConfigureAwait(false);
                    NetworkLog.AssociationAborted(_logger, RemoteEndPoint, abort.Source, abort.Reason, "A-ABORT received from the peer");
                    throw new DicomAssociationAbortedException($"The peer aborted the association ({abort.Source}, {abort.Reason}).", abort.Source, abort.Reason, abortedByPeer: true);
                default:
                    throw await FailAsync(new DicomNetworkProtocolException("PDU-type", $"{pdu.Type} is not expected on an established association.", AbortReason.UnexpectedPdu)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads one PDU; a timeout, a lost connection or bad bytes abort the association.</summary>
    private async ValueTask<Pdu> ReadPduAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _readTimer)
            : default;
        _readTimer.CancelAfter(timeout);
        Pdu? pdu;
        try
        {
            pdu = await _reader.ReadAsync(_readTimer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, sendAbort: true, alreadyLocked: false).ConfigureAwait(false);
            NetworkLog.AssociationAborted(_logger, RemoteEndPoint, AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, $"no PDU within {timeout}");
            throw new DicomAssociationAbortedException($"No PDU arrived within {timeout}; the association was aborted.", AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, abortedByPeer: false);
        }
        catch (OperationCanceledException)
        {
            await CloseAsync(AbortSource.ServiceUser, AbortReason.ReasonNotSpecified, sendAbort: true, alreadyLocked: false).ConfigureAwait(false);
            throw;
        }
        catch (DicomNetworkProtocolException exception)
        {
            throw await FailAsync(exception).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            await CloseTransportAsync().ConfigureAwait(false);
            State = DicomAssociationState.Aborted;
            throw new DicomAssociationAbortedException("The connection was lost.", AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, abortedByPeer: true, exception);
        }

        if (!_readTimer.TryReset())
        {
            // The timer fired just as the PDU completed; a fired source cannot be reused.
            _readTimer.Dispose();
            _readTimer = new CancellationTokenSource();
        }

        if (pdu is null)
        {
            await CloseTransportAsync().ConfigureAwait(false);
            State = DicomAssociationState.Aborted;
            throw new DicomAssociationAbortedException("The peer closed the connection without releasing the association.", AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified, abortedByPeer: true);
        }

        return pdu;
    }

    private async ValueTask SendPduAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WritePduAsync(_transport, pdu, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal static async ValueTask WritePduAsync(Stream transport, Pdu pdu, CancellationToken cancellationToken)
    {
        var length = pdu.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            pdu.Write(buffer);
            await transport.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CloseAsync(AbortSource source, AbortReason reason, bool sendAbort, bool alreadyLocked)
    {
        if (State is DicomAssociationState.Aborted or DicomAssociationState.Released)
        {
            await CloseTransportAsync().ConfigureAwait(false);
            return;
        }

        State = DicomAssociationState.Aborted;
        if (sendAbort)
        {
            // Best effort: a writer stuck on a dead peer must not keep the abort from going out for long.
            var locked = alreadyLocked || await _sendLock.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            if (locked)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await WritePduAsync(_transport, new AbortPdu(source, reason), timeout.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException)
                {
                    // The transport is already gone; closing it is all that is left.
                }
                finally
                {
                    if (!alreadyLocked)
                    {
                        _sendLock.Release();
                    }
                }
            }
        }

        await CloseTransportAsync().ConfigureAwait(false);
    }

    /// <summary>After A-RELEASE-RP the acceptor lets the requestor close first, waiting at most ARTIM (PS3.8 Sta13).</summary>
    private async Task WaitForPeerCloseAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(512);
        try
        {
            using var artim = new CancellationTokenSource(_timeouts.Artim);
            while (await _transport.ReadAsync(buffer, artim.Token).ConfigureAwait(false) > 0)
            {
                // Anything after A-RELEASE-RP is meaningless; it is read only to see the close.
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Timed out or reset: close from our side.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await CloseTransportAsync().ConfigureAwait(false);
    }

    private async Task CloseTransportAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    private void ReleaseCurrentPdu()
    {
        _currentPdu?.Dispose();
        _currentPdu = null;
        _currentIndex = 0;
    }
}
