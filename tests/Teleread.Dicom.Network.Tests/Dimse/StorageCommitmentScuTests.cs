using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dimse;

/// <summary>
/// <see cref="DicomScu.RequestStorageCommitmentAsync"/> against <see cref="DicomStorageCommitmentScp"/> on loopback: the
/// N-ACTION-RQ, the N-EVENT-REPORT on the same association and its answer (PS3.4 J.3).
/// </summary>
public sealed class StorageCommitmentScuTests
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_stored_instance_is_reported_committed_and_the_report_is_answered_success()
    {
        var references = References(3);
        var scp = CommittingScp(references.Select(r => r.SopInstanceUid));
        var answered = AnswerOf(scp);
        await using var server = StartServer(scp);
        await using var association = await OpenAsync(server);
        var request = DicomStorageCommitmentRequest.For(references);

        var result = await new DicomScu(association).RequestStorageCommitmentAsync(request, ReportTimeout);
        var answer = await answered.Task.WaitAsync(ReportTimeout);
        await association.ReleaseAsync();

        Assert.True(result.AllCommitted);
        Assert.Equal(request.TransactionUid, result.TransactionUid);
        Assert.Equal(references, result.Committed);
        Assert.Empty(result.Failed);
        Assert.Equal(DicomStatus.Success, answer!.Status);
    }

    [Fact]
    public async Task Instances_the_scp_does_not_hold_are_reported_failed_with_their_reason()
    {
        var references = References(4);
        var scp = CommittingScp([references[0].SopInstanceUid, references[2].SopInstanceUid]);
        await using var server = StartServer(scp);
        await using var association = await OpenAsync(server);

        var result = await new DicomScu(association).RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), ReportTimeout);
        await association.ReleaseAsync();

        Assert.False(result.AllCommitted);
        Assert.Equal(DicomStorageCommitmentResult.FailuresExistEventType, result.EventTypeId);
        Assert.Equal([references[0], references[2]], result.Committed);
        Assert.Equal([references[1], references[3]], result.Failed.Select(f => f.Reference));
        Assert.All(result.Failed, f => Assert.Equal(DicomStorageCommitmentFailure.NoSuchObjectInstance, f.FailureReason));
        Assert.Equal("0x0112 no such object instance", result.Failed[0].Describe());
    }

    [Fact]
    public async Task A_report_for_another_transaction_is_answered_invalid_argument_and_raises()
    {
        var references = References(1);
        var scp = new DicomStorageCommitmentScp((request, _, _) =>
            ValueTask.FromResult(new DicomStorageCommitmentResult("2.25.999", request.References, [])));
        var answered = AnswerOf(scp);
        await using var server = StartServer(scp);
        await using var association = await OpenAsync(server);
        var request = DicomStorageCommitmentRequest.For(references);

        var error = await Assert.ThrowsAsync<DicomStorageCommitmentException>(
            () => new DicomScu(association).RequestStorageCommitmentAsync(request, ReportTimeout));
        var answer = await answered.Task.WaitAsync(ReportTimeout);

        Assert.Contains("transaction 2.25.999, not " + request.TransactionUid, error.Message, StringComparison.Ordinal);
        Assert.Equal(DicomStatus.InvalidArgumentValue, answer!.Status);
    }

    [Fact]
    public async Task No_report_within_the_timeout_raises_and_aborts_the_association()
    {
        await using var server = StartServer(new AnswerWithoutReport());
        await using var association = await OpenAsync(server);
        var request = DicomStorageCommitmentRequest.For(References(1));

        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAsync<DicomStorageCommitmentException>(
            () => new DicomScu(association).RequestStorageCommitmentAsync(request, TimeSpan.FromMilliseconds(500)));

        Assert.Contains("no N-EVENT-REPORT for transaction " + request.TransactionUid + " within 0.5 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(DicomAssociationState.Aborted, association.State);
    }

    [Fact]
    public async Task Without_the_scp_role_nothing_is_requested_and_the_error_says_why()
    {
        var scp = CommittingScp([]);
        var requested = false;
        scp.Reported += (_, _) => requested = true;
        var policy = new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian);
        await using var server = Loopback.StartServer(policy, new DicomServiceDispatcher { NAction = scp }.HandleAsync);
        await using var association = await OpenAsync(server);

        var error = await Assert.ThrowsAsync<DicomStorageCommitmentException>(
            () => new DicomScu(association).RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(References(1)), ReportTimeout));
        await association.ReleaseAsync();

        Assert.Contains("did not grant us the SCP role", error.Message, StringComparison.Ordinal);
        Assert.False(requested);
    }

    [Fact]
    public async Task A_refused_n_action_raises_with_its_status()
    {
        await using var server = StartServer(new AnswerWithoutReport(DicomStatus.ProcessingFailure));
        await using var association = await OpenAsync(server);

        var error = await Assert.ThrowsAsync<DicomStorageCommitmentException>(
            () => new DicomScu(association).RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(References(1)), ReportTimeout));
        await association.ReleaseAsync();

        Assert.Contains("N-ACTION-RSP status 0x0110", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_carries_a_fresh_uuid_derived_transaction_uid_and_every_reference()
    {
        var references = References(2);

        var first = DicomStorageCommitmentRequest.For(references);
        var second = DicomStorageCommitmentRequest.For(references);
        var information = first.ToActionInformation();

        Assert.StartsWith("2.25.", first.TransactionUid, StringComparison.Ordinal);
        Assert.InRange(first.TransactionUid.Length, 6, 64);
        Assert.NotEqual(first.TransactionUid, second.TransactionUid);
        var read = DicomStorageCommitmentRequest.Read(information)!;
        Assert.Equal(first.TransactionUid, read.TransactionUid);
        Assert.Equal(references, read.References);
    }

    [Fact]
    public void An_instance_the_report_does_not_name_counts_as_failed_without_reason()
    {
        var references = References(2);
        var request = DicomStorageCommitmentRequest.For(references);
        var information = new DicomStorageCommitmentResult(request.TransactionUid, [references[0]], []).ToEventInformation();

        var result = DicomStorageCommitmentResult.Read(request,
            new DicomNEventReport(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance, 1, information));

        Assert.Equal([references[0]], result.Committed);
        Assert.Equal(new DicomStorageCommitmentFailure(references[1], null), Assert.Single(result.Failed));
        Assert.Equal("not named in the report", result.Failed[0].Describe());
    }

    private static List<DicomSopReference> References(int count) =>
        Enumerable.Range(1, count).Select(i => new DicomSopReference(TestUids.CtImageStorage, $"2.25.{1000 + i}")).ToList();

    private static DicomStorageCommitmentScp CommittingScp(IEnumerable<string> stored)
    {
        var held = stored.ToHashSet(StringComparer.Ordinal);
        return new DicomStorageCommitmentScp((request, _, _) => ValueTask.FromResult(new DicomStorageCommitmentResult(request.TransactionUid,
            request.References.Where(r => held.Contains(r.SopInstanceUid)).ToList(),
            request.References.Where(r => !held.Contains(r.SopInstanceUid))
                .Select(r => new DicomStorageCommitmentFailure(r, DicomStorageCommitmentFailure.NoSuchObjectInstance)).ToList())));
    }

    private static TaskCompletionSource<DicomNResult?> AnswerOf(DicomStorageCommitmentScp scp)
    {
        var answered = new TaskCompletionSource<DicomNResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        scp.Reported += (_, answer) => answered.TrySetResult(answer);
        return answered;
    }

    private static DicomServer StartServer(IDicomNActionHandler handler) => Loopback.StartServer(
        new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, TestUids.ExplicitVrLittleEndian)
            .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: true),
        new DicomServiceDispatcher { NAction = handler }.HandleAsync);

    private static Task<DicomAssociation> OpenAsync(DicomServer server) =>
        Loopback.OpenAsync(server, null, DicomStorageCommitmentRequest.Proposal);

    /// <summary>An SCP that answers the N-ACTION with <paramref name="status"/> and never reports.</summary>
    private sealed class AnswerWithoutReport(DicomStatus? status = null) : IDicomNActionHandler
    {
        public ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DicomNResult(status ?? DicomStatus.Success));
    }
}
