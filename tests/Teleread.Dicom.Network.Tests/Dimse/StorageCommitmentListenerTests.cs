using System.Collections.Concurrent;
using System.Net;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dimse;

/// <summary>
/// <see cref="DicomScu.RequestStorageCommitmentAsync(DicomStorageCommitmentRequest, TimeSpan, DicomStorageCommitmentListener?, CancellationToken)"/>
/// with a <see cref="DicomStorageCommitmentListener"/>: a loopback SCP answers the N-ACTION and sends the N-EVENT-REPORT
/// on a new association that it opens to the listener as the requestor with the SCP role (PS3.4 J.3.3, like Orthanc).
/// </summary>
public sealed class StorageCommitmentListenerTests
{
    private const string ScpAe = "TEST_SCP";
    private const string ListenerAe = "TEST_SCU";
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_report_on_a_new_association_completes_the_request_and_a_report_for_another_transaction_is_answered_invalid_argument()
    {
        await using var listener = StartListener();
        var references = References(3);
        var scp = new ReportsOnNewAssociation(listener.LocalEndPoint, ScpAe, ListenerAe, held: [references[0].SopInstanceUid, references[2].SopInstanceUid])
        {
            SendForeignTransactionFirst = true,
        };
        await using var server = StartScp(scp, grantScpRole: false);
        await using var association = await Loopback.OpenAsync(server, null, DicomStorageCommitmentRequest.Proposal);
        var request = DicomStorageCommitmentRequest.For(references);

        var result = await new DicomScu(association).RequestStorageCommitmentAsync(request, ReportTimeout, listener);
        await scp.Done.Task.WaitAsync(ReportTimeout);

        Assert.Equal(request.TransactionUid, result.TransactionUid);
        Assert.Equal([references[0], references[2]], result.Committed);
        Assert.Equal(new DicomStorageCommitmentFailure(references[1], DicomStorageCommitmentFailure.NoSuchObjectInstance), Assert.Single(result.Failed));
        Assert.Equal([DicomStatus.InvalidArgumentValue, DicomStatus.Success], scp.Answers);
        Assert.True(scp.ScpRoleGranted, "the listener grants the requestor the SCP role it proposes");
        Assert.Equal(DicomAssociationState.Established, association.State);
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task When_the_scp_grants_the_scp_role_but_reports_on_a_new_association_the_first_association_is_released_not_aborted()
    {
        await using var listener = StartListener();
        var references = References(2);
        var scp = new ReportsOnNewAssociation(listener.LocalEndPoint, ScpAe, ListenerAe, held: references.Select(r => r.SopInstanceUid));
        await using var server = StartScp(scp, grantScpRole: true);
        await using var association = await Loopback.OpenAsync(server, null, DicomStorageCommitmentRequest.Proposal);
        Assert.True(association.FindAcceptedContext(DicomUids.StorageCommitmentPushModel)!.RequestorScpRole);

        var result = await new DicomScu(association).RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), ReportTimeout, listener);

        Assert.True(result.AllCommitted);
        Assert.Equal(references, result.Committed);
        Assert.Equal(DicomAssociationState.Released, association.State);
    }

    [Fact]
    public async Task A_report_on_the_same_association_still_wins_when_a_listener_waits_too()
    {
        await using var listener = StartListener();
        var references = References(2);
        var scp = new DicomStorageCommitmentScp((request, _, _) =>
            ValueTask.FromResult(new DicomStorageCommitmentResult(request.TransactionUid, request.References, [])));
        await using var server = Loopback.StartServer(
            new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian)
                .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: true),
            new DicomServiceDispatcher { NAction = scp }.HandleAsync);
        await using var association = await Loopback.OpenAsync(server, null, DicomStorageCommitmentRequest.Proposal);

        var result = await new DicomScu(association).RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), ReportTimeout, listener);

        Assert.True(result.AllCommitted);
        Assert.Equal(DicomAssociationState.Established, association.State);
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task An_association_from_an_unknown_calling_ae_is_rejected_and_the_timeout_names_it_with_our_ae_and_port()
    {
        await using var listener = StartListener();
        var scp = new ReportsOnNewAssociation(listener.LocalEndPoint, "STRANGER", ListenerAe, held: []);
        await using var server = StartScp(scp, grantScpRole: false);
        await using var association = await Loopback.OpenAsync(server, null, DicomStorageCommitmentRequest.Proposal);
        var request = DicomStorageCommitmentRequest.For(References(1));

        var error = await Assert.ThrowsAsync<DicomStorageCommitmentException>(
            () => new DicomScu(association).RequestStorageCommitmentAsync(request, TimeSpan.FromSeconds(2), listener));
        await scp.Done.Task.WaitAsync(ReportTimeout);

        var rejected = Assert.IsType<DicomAssociationRejectedException>(scp.Failure);
        Assert.Equal(AssociateRejectReason.CallingAeTitleNotRecognized, rejected.RejectReason);
        Assert.Contains($"no N-EVENT-REPORT for transaction {request.TransactionUid} within 2 s", error.Message, StringComparison.Ordinal);
        Assert.Contains($"AE {ListenerAe} at 127.0.0.1:{listener.LocalEndPoint.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown AE STRANGER were rejected", error.Message, StringComparison.Ordinal);
        Assert.Equal(DicomAssociationState.Established, association.State);
        await association.ReleaseAsync();
    }

    [Fact]
    public async Task An_association_called_to_another_ae_title_is_rejected()
    {
        await using var listener = StartListener();
        var client = new DicomClient(Loopback.ClientOptions(ScpAe, "SOMEONE_ELSE"));

        var rejected = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => client.OpenAssociationAsync("127.0.0.1", listener.LocalEndPoint.Port,
            [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian) { ProposedRoles = (false, true) }]));

        Assert.Equal(AssociateRejectReason.CalledAeTitleNotRecognized, rejected.RejectReason);
    }

    [Fact]
    public async Task A_port_in_use_fails_when_the_listener_starts()
    {
        await using var first = StartListener();

        var error = Assert.Throws<DicomListenException>(() => new DicomStorageCommitmentListener(Options() with { Port = first.LocalEndPoint.Port }));

        Assert.Equal(System.Net.Sockets.SocketError.AddressAlreadyInUse, error.SocketError);
        Assert.Equal(first.LocalEndPoint.Port, error.EndPoint.Port);
    }

    private static DicomStorageCommitmentListenerOptions Options() => new()
    {
        AeTitle = ListenerAe,
        PeerAeTitles = [ScpAe],
        BindAddress = IPAddress.Loopback,
        Port = 0,
        Timeouts = new DicomAssociationTimeouts { Artim = TimeSpan.FromSeconds(10), Idle = TimeSpan.FromSeconds(20) },
    };

    private static DicomStorageCommitmentListener StartListener() => new(Options());

    private static List<DicomSopReference> References(int count) =>
        Enumerable.Range(1, count).Select(i => new DicomSopReference(TestUids.CtImageStorage, $"2.25.{2000 + i}")).ToList();

    private static DicomServer StartScp(IDicomNActionHandler handler, bool grantScpRole) => Loopback.StartServer(
        new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian)
            .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: grantScpRole),
        new DicomServiceDispatcher { NAction = handler }.HandleAsync);

    /// <summary>
    /// An SCP that answers the N-ACTION Success and then, as Orthanc does, opens a new association to the requestor's
    /// listener proposing the SCP role, and sends the N-EVENT-REPORT there (after one for a foreign transaction, when asked).
    /// </summary>
    private sealed class ReportsOnNewAssociation(IPEndPoint listener, string callingAe, string calledAe, IEnumerable<string> held) : IDicomNActionHandler
    {
        private readonly HashSet<string> _held = held.ToHashSet(StringComparer.Ordinal);

        public bool SendForeignTransactionFirst { get; init; }

        public ConcurrentQueue<DicomStatus> Answers { get; } = new();

        public bool ScpRoleGranted { get; private set; }

        public Exception? Failure { get; private set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken)
        {
            var parsed = DicomStorageCommitmentRequest.Read(request.DataSet)!;
            var result = new DicomStorageCommitmentResult(parsed.TransactionUid,
                parsed.References.Where(r => _held.Contains(r.SopInstanceUid)).ToList(),
                parsed.References.Where(r => !_held.Contains(r.SopInstanceUid))
                    .Select(r => new DicomStorageCommitmentFailure(r, DicomStorageCommitmentFailure.NoSuchObjectInstance)).ToList());
            _ = Task.Run(() => ReportAsync(result));
            return ValueTask.FromResult(new DicomNResult(DicomStatus.Success));
        }

        private async Task ReportAsync(DicomStorageCommitmentResult result)
        {
            try
            {
                var client = new DicomClient(Loopback.ClientOptions(callingAe, calledAe));
                await using var association = await client.OpenAssociationAsync(listener.Address.ToString(), listener.Port,
                    [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian) { ProposedRoles = (false, true) }]);
                ScpRoleGranted = association.FindAcceptedContext(DicomUids.StorageCommitmentPushModel)!.RequestorScpRole;
                var scu = new DicomScu(association);
                if (SendForeignTransactionFirst)
                {
                    await SendAsync(scu, result with { TransactionUid = "2.25.999" });
                }

                await SendAsync(scu, result);
                await association.ReleaseAsync();
            }
            catch (Exception exception)
            {
                Failure = exception;
            }
            finally
            {
                Done.TrySetResult();
            }
        }

        private async Task SendAsync(DicomScu scu, DicomStorageCommitmentResult result)
        {
            var answer = await scu.NEventReportAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance,
                result.EventTypeId, result.ToEventInformation());
            Answers.Enqueue(answer.Status);
        }
    }
}
