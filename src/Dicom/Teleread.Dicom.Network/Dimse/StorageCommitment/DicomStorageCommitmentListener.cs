using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Teleread.Dicom.Network;

/// <summary>
/// Receives Storage Commitment reports that the SCP sends on a new association (PS3.4 J.3.3): a <see cref="DicomServer"/>
/// that accepts associations called to <see cref="DicomStorageCommitmentListenerOptions.AeTitle"/> from the known peer AEs,
/// only for Storage Commitment Push Model, granting the requestor the SCP role it proposes (PS3.7 D.3.3.4: on this
/// association the SCP is the requestor and sends the N-EVENT-REPORT). Each report is matched to a request registered
/// with <see cref="ExpectReportAsync"/> by its Transaction UID and answered Success; a report for no pending transaction
/// is answered 0115H (invalid argument value) and ignored.
/// </summary>
public sealed class DicomStorageCommitmentListener : IDicomNEventReportHandler, IAsyncDisposable
{
    private const int Remembered = 1024;

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _completedOrder = new();
    private readonly ConcurrentDictionary<string, byte> _completed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _rejected = new();
    private readonly HashSet<string> _peers;
    private readonly DicomServer _server;

    /// <summary>Binds and starts listening; a port in use throws <see cref="DicomListenException"/> (AddressAlreadyInUse).</summary>
    public DicomStorageCommitmentListener(DicomStorageCommitmentListenerOptions options, ILogger<DicomServer>? logger = null)
    {
        options.Validate();
        Options = options;
        _peers = options.PeerAeTitles.Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal);
        var policy = new DicomAssociationPolicy
        {
            RequestValidator = (request, _) => ValueTask.FromResult(Validate(request)),
        }
            .Accept(DicomUids.StorageCommitmentPushModel, DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian)
            .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: false, scp: true);
        _server = new DicomServer(new DicomServerOptions
        {
            BindAddress = options.BindAddress,
            Port = options.Port,
            Timeouts = options.Timeouts,
            MaximumAssociations = 16,
            MaximumConnections = 32,
            MaximumAssociationsPerCallingAe = 8,
        }, policy, new DicomServiceDispatcher(logger) { NEventReport = this }.HandleAsync, logger);
        _server.Start();
    }

    public DicomStorageCommitmentListenerOptions Options { get; }

    public IPEndPoint LocalEndPoint => _server.LocalEndPoint;

    /// <summary>Calling AE titles whose associations were rejected as unknown (for error messages: the SCP may know itself by another title).</summary>
    public IReadOnlyCollection<string> RejectedPeerAeTitles => _rejected.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Registers <paramref name="request"/> at once (call it before sending the N-ACTION, the report can be quick) and
    /// completes with its result when the report arrives. Cancelling stops waiting and forgets the request.
    /// </summary>
    /// <exception cref="DicomStorageCommitmentException">The transaction's report arrived but does not read as one (answered 0115H).</exception>
    public Task<DicomStorageCommitmentResult> ExpectReportAsync(DicomStorageCommitmentRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request);
        if (!_pending.TryAdd(request.TransactionUid, pending))
        {
            throw new InvalidOperationException($"Transaction {request.TransactionUid} is already expected.");
        }

        return WaitAsync(pending, cancellationToken);
    }

    /// <summary>Where the SCP must send its report, for messages: "AE TELEREAD at 127.0.0.1:11113".</summary>
    public override string ToString() => $"AE {Options.AeTitle} at {LocalEndPoint}";

    public ValueTask<DicomNResult> EventReportAsync(DicomNRequest request, CancellationToken cancellationToken)
    {
        if (request.SopClassUid.Trim() != DicomUids.StorageCommitmentPushModel)
        {
            return Answer(DicomStatus.SopClassNotSupported);
        }

        if (request.SopInstanceUid.Trim() != DicomUids.StorageCommitmentPushModelInstance)
        {
            return Answer(DicomStatus.NoSuchObjectInstance);
        }

        var transaction = request.DataSet?.GetStringOrDefault(DicomTags.TransactionUID)?.Trim() ?? "";
        if (!_pending.TryRemove(transaction, out var pending))
        {
            // A report delivered again (delivery is at least once) is acknowledged; one for no transaction of ours is not.
            return Answer(_completed.ContainsKey(transaction) ? DicomStatus.Success : DicomStatus.InvalidArgumentValue);
        }

        try
        {
            var result = DicomStorageCommitmentResult.Read(pending.Request,
                new DicomNEventReport(request.SopClassUid, request.SopInstanceUid, request.EventTypeId ?? 0, request.DataSet));
            Remember(transaction);
            pending.Completion.TrySetResult(result);
            return Answer(DicomStatus.Success);
        }
        catch (DicomStorageCommitmentException exception)
        {
            pending.Completion.TrySetException(exception);
            return Answer(DicomStatus.InvalidArgumentValue);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    private DicomAssociationRejection? Validate(DicomAssociationRequest request)
    {
        if (!string.Equals(request.CalledAeTitle.Trim(), Options.AeTitle.Trim(), StringComparison.Ordinal))
        {
            return DicomAssociationRejection.CalledAeTitleNotRecognized;
        }

        if (!_peers.Contains(request.CallingAeTitle.Trim()))
        {
            if (_rejected.Count < Remembered)
            {
                _rejected.Enqueue(request.CallingAeTitle.Trim());
            }

            return DicomAssociationRejection.CallingAeTitleNotRecognized;
        }

        return null;
    }

    private async Task<DicomStorageCommitmentResult> WaitAsync(Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Pending>(pending.Request.TransactionUid, pending));
        }
    }

    private void Remember(string transaction)
    {
        if (_completed.TryAdd(transaction, 0))
        {
            _completedOrder.Enqueue(transaction);
        }

        while (_completedOrder.Count > Remembered && _completedOrder.TryDequeue(out var oldest))
        {
            _completed.TryRemove(oldest, out _);
        }
    }

    private static ValueTask<DicomNResult> Answer(DicomStatus status) => ValueTask.FromResult(new DicomNResult(status));

    private sealed class Pending(DicomStorageCommitmentRequest request)
    {
        public DicomStorageCommitmentRequest Request { get; } = request;

        public TaskCompletionSource<DicomStorageCommitmentResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
