using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>
/// The SCP host: accepts TCP (optionally TLS) connections, negotiates each association by the
/// <see cref="DicomAssociationPolicy"/> and runs the association handler on its own task. One bad
/// peer only ever ends its own association.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly DicomAssociationPolicy _policy;
    private readonly Func<DicomAssociation, CancellationToken, Task> _handler;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Connection> _connections = new();
    private readonly Dictionary<string, int> _perCallingAe = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abortAll = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _nextConnectionId;
    private int _associations;

    public DicomServer(DicomServerOptions options, DicomAssociationPolicy policy, Func<DicomAssociation, CancellationToken, Task> handler, ILogger<DicomServer>? logger = null)
    {
        options.Validate();
        _options = options;
        _policy = policy;
        _handler = handler;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener?.LocalEndpoint ?? throw new InvalidOperationException("The server is not started."));

    /// <summary>Associations established or being negotiated right now.</summary>
    public int ActiveAssociations => Volatile.Read(ref _associations);

    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = new TcpListener(_options.BindAddress, _options.Port);
        try
        {
            listener.Start(_options.Backlog);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new DicomListenException(new IPEndPoint(_options.BindAddress, _options.Port), ex);
        }

        _listener = listener;
        NetworkLog.ServerStarted(_logger, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Stops accepting, lets open associations finish within <paramref name="gracePeriod"/>, then aborts the rest.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        // Idempotent: a host stops the server and then disposes it.
        if (_listener is null || _acceptLoop is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);

        var inFlight = Task.WhenAll(_connections.Values.Select(c => c.Task));
        var aborted = 0;
        if (await Task.WhenAny(inFlight, Task.Delay(gracePeriod)).ConfigureAwait(false) != inFlight)
        {
            aborted = _connections.Count;
            await _abortAll.CancelAsync().ConfigureAwait(false);
            foreach (var connection in _connections.Values)
            {
                if (connection.Association is { } association)
                {
                    await association.AbortAsync().ConfigureAwait(false);
                }
            }

            await Task.WhenAny(inFlight, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }

        NetworkLog.ServerStopped(_logger, _listener.LocalEndpoint, aborted);
    }

    private int _stopped;

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stopAccepting.Dispose();
        _abortAll.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopAccepting.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stopAccepting.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && _stopAccepting.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                NetworkLog.ConnectionFailed(_logger, null, exception.Message);
                continue;
            }

            if (_connections.Count >= _options.MaximumConnections)
            {
                NetworkLog.ConnectionFailed(_logger, socket.RemoteEndPoint, $"more than {_options.MaximumConnections} connections; closed at once");
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new Connection();
            _connections[id] = connection;
            connection.Task = Task.Run(() => ServeConnectionAsync(id, connection, socket));
        }
    }

    private async Task ServeConnectionAsync(long id, Connection connection, Socket socket)
    {
        var remote = socket.RemoteEndPoint;
        Stream transport = new NetworkStream(socket, ownsSocket: true);
        try
        {
            using var artim = CancellationTokenSource.CreateLinkedTokenSource(_abortAll.Token);
            artim.CancelAfter(_options.Timeouts.Artim);
            if (_options.TlsCertificate is { } certificate)
            {
                var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
                transport = ssl;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = _options.RequireClientCertificate,
                    RemoteCertificateValidationCallback = _options.ClientCertificateValidation,
                    EnabledSslProtocols = _options.TlsProtocols,
                }, artim.Token).ConfigureAwait(false);
            }

            var reader = new PduReader(transport, checked((int)Math.Min(_policy.MaximumPduLength, int.MaxValue)));
            var first = await reader.ReadAsync(artim.Token).ConfigureAwait(false);
            switch (first)
            {
                case null:
                    return;
                case AssociateRequestPdu rq:
                    var request = new DicomAssociationRequest(rq, remote, (transport as SslStream)?.RemoteCertificate);
                    await NegotiateAndServeAsync(connection, transport, reader, request, artim.Token).ConfigureAwait(false);
                    return;
                default:
                    (first as IDisposable)?.Dispose();
                    throw new DicomNetworkProtocolException("PDU-type", $"{first.Type} arrived before A-ASSOCIATE-RQ.", AbortReason.UnexpectedPdu);
            }
        }
        catch (DicomNetworkProtocolException exception)
        {
            NetworkLog.AssociationAborted(_logger, remote, exception.AbortSource, exception.AbortReason, exception.Message);
            await TrySendAsync(transport, new AbortPdu(exception.AbortSource, exception.AbortReason)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // ARTIM expired (PS3.8 9.1.5) or the server is stopping: close the transport.
            NetworkLog.ConnectionFailed(_logger, remote, "ARTIM timer expired before the association was negotiated");
        }
        catch (Exception exception) when (exception is IOException or AuthenticationException or SocketException or ObjectDisposedException)
        {
            NetworkLog.ConnectionFailed(_logger, remote, exception.Message);
        }
        finally
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            _connections.TryRemove(id, out _);
        }
    }

    private async Task NegotiateAndServeAsync(Connection connection, Stream transport, PduReader reader, DicomAssociationRequest request, CancellationToken artim)
    {
        var callingAe = request.CallingAeTitle;
        if (!TryReserve(callingAe))
        {
            await RejectAsync(transport, request, DicomAssociationRejection.LocalLimitExceeded.ToPdu()).ConfigureAwait(false);
            return;
        }

        var reserved = 1;
        void FreeSlot()
        {
            if (Interlocked.Exchange(ref reserved, 0) == 1)
            {
                Unreserve(callingAe);
            }
        }

        try
        {
            var negotiation = await _policy.NegotiateAsync(request, artim).ConfigureAwait(false);
            if (negotiation.Reject is { } reject)
            {
                await RejectAsync(transport, request, reject).ConfigureAwait(false);
                return;
            }

            var accept = negotiation.Accept!;
            await DicomAssociation.WritePduAsync(transport, accept, artim).ConfigureAwait(false);
            NetworkLog.AssociationAccepted(_logger, callingAe, request.CalledAeTitle, request.RemoteEndPoint,
                negotiation.PresentationContexts.Count(c => c.IsAccepted), negotiation.PresentationContexts.Count);

            var association = new DicomAssociation(transport, reader, isRequestor: false, request.Pdu, accept,
                negotiation.PresentationContexts, request.RemoteEndPoint, _options.Timeouts, _logger);
            connection.Association = association;
            association.Releasing = FreeSlot;
            try
            {
                await _handler(association, _abortAll.Token).ConfigureAwait(false);
            }
            catch (DicomAssociationAbortedException)
            {
                // Already logged where it happened; the association is over.
            }
            catch (DicomNetworkProtocolException)
            {
                // The association aborted itself with the reason the exception carries.
            }
            catch (OperationCanceledException) when (_abortAll.IsCancellationRequested)
            {
                // The server stopped past its grace period.
            }
            catch (Exception exception)
            {
                NetworkLog.HandlerFailed(_logger, callingAe, request.RemoteEndPoint, exception);
            }
            finally
            {
                await association.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            FreeSlot();
        }
    }

    private async Task RejectAsync(Stream transport, DicomAssociationRequest request, AssociateRejectPdu reject)
    {
        NetworkLog.AssociationRejected(_logger, request.CallingAeTitle, request.CalledAeTitle, request.RemoteEndPoint, reject.Result, reject.Source, (byte)reject.Reason);
        if (await TrySendAsync(transport, reject).ConfigureAwait(false))
        {
            // After A-ASSOCIATE-RJ the acceptor waits, under ARTIM, for the requestor to close (PS3.8 Sta13).
            using var artim = new CancellationTokenSource(_options.Timeouts.Artim);
            var buffer = new byte[64];
            try
            {
                while (await transport.ReadAsync(buffer, artim.Token).ConfigureAwait(false) > 0)
                {
                    // Nothing the requestor sends now matters.
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // Timed out or reset.
            }
        }
    }

    private static async Task<bool> TrySendAsync(Stream transport, Pdu pdu)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await DicomAssociation.WritePduAsync(transport, pdu, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException)
        {
            return false;
        }
    }

    private bool TryReserve(string callingAe)
    {
        lock (_perCallingAe)
        {
            _perCallingAe.TryGetValue(callingAe, out var count);
            if (_associations >= _options.MaximumAssociations || count >= _options.MaximumAssociationsPerCallingAe)
            {
                return false;
            }

            _perCallingAe[callingAe] = count + 1;
            _associations++;
            return true;
        }
    }

    private void Unreserve(string callingAe)
    {
        lock (_perCallingAe)
        {
            var count = _perCallingAe[callingAe] - 1;
            if (count == 0)
            {
                _perCallingAe.Remove(callingAe);
            }
            else
            {
                _perCallingAe[callingAe] = count;
            }

            _associations--;
        }
    }

    private sealed class Connection
    {
        public Task Task { get; set; } = Task.CompletedTask;

        public DicomAssociation? Association { get; set; }
    }
}
