using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dimse;

/// <summary>
/// <see cref="DicomNResult.AfterResponse"/>: an N-EVENT-REPORT sent by the acceptor on the same association after the
/// N-ACTION-RSP, only when the requestor took the SCP role for the class (PS3.4 J.3.3).
/// </summary>
public sealed class EventReportAfterActionTests
{
    private const string StorageCommitment = "1.2.840.10008.1.20.1";
    private const string StorageCommitmentInstance = "1.2.840.10008.1.20.1.1";

    [Fact]
    public async Task The_report_follows_the_action_response_and_its_response_reaches_the_handler()
    {
        var action = new ReportAfterAction();
        await using var server = StartServer(action);
        var association = await Loopback.OpenAsync(server, null,
            new DicomPresentationContextProposal(StorageCommitment, TestUids.ExplicitVrLittleEndian) { ProposedRoles = (Scu: true, Scp: true) });
        var scu = new DicomScu(association);

        var answer = await scu.NActionAsync(StorageCommitment, StorageCommitmentInstance, 1, new DicomDataset().AddOrUpdate(DicomTags.TransactionUID, "1.2.3"));
        var report = await scu.ReceiveEventReportAsync(DicomStatus.Success);
        var delivered = await action.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await association.ReleaseAsync();

        Assert.True(answer.Status.IsSuccess);
        Assert.Equal((StorageCommitment, StorageCommitmentInstance, (ushort)1), (report.SopClassUid, report.SopInstanceUid, report.EventTypeId));
        Assert.Equal("1.2.3", report.EventInformation!.GetString(DicomTags.TransactionUID));
        Assert.True(delivered!.Status.IsSuccess);
    }

    [Fact]
    public async Task Without_the_scp_role_the_reporter_declines_and_the_association_goes_on()
    {
        var action = new ReportAfterAction();
        await using var server = StartServer(action);
        var association = await Loopback.OpenAsync(server, null, new DicomPresentationContextProposal(StorageCommitment, TestUids.ExplicitVrLittleEndian));
        var scu = new DicomScu(association);

        var answer = await scu.NActionAsync(StorageCommitment, StorageCommitmentInstance, 1, new DicomDataset().AddOrUpdate(DicomTags.TransactionUID, "1.2.3"));
        var delivered = await action.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var again = await scu.NActionAsync(StorageCommitment, StorageCommitmentInstance, 1, null);
        await association.ReleaseAsync();

        Assert.True(answer.Status.IsSuccess);
        Assert.Null(delivered);
        Assert.True(again.Status.IsSuccess);
    }

    private static DicomServer StartServer(ReportAfterAction action) => Loopback.StartServer(
        new DicomAssociationPolicy().Accept(StorageCommitment, TestUids.ExplicitVrLittleEndian).AllowRoles(StorageCommitment, scu: true, scp: true),
        new DicomServiceDispatcher { NAction = action }.HandleAsync);

    private sealed class ReportAfterAction : IDicomNActionHandler
    {
        public TaskCompletionSource<DicomNResult?> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<DicomNResult> ActionAsync(DicomNRequest request, CancellationToken cancellationToken)
        {
            var information = request.DataSet;
            return ValueTask.FromResult(new DicomNResult(DicomStatus.Success)
            {
                AfterResponse = async (reporter, ct) =>
                {
                    if (information is null)
                    {
                        return;
                    }

                    Delivered.TrySetResult(await reporter.TrySendAsync(StorageCommitment, StorageCommitmentInstance, 1, information, ct));
                },
            });
        }
    }
}
