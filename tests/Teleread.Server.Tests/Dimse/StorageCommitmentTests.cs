using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// Storage Commitment Push Model against the server. Debian's DCMTK ships no storage commitment SCU
/// (no stgcmtscu), so the requestor here is Teleread's own <see cref="DicomClient"/>/<see cref="DicomScu"/>.
/// </summary>
public sealed class StorageCommitmentTests
{
    private const string Syntax = "1.2.840.10008.1.2.1";

    [Fact]
    public async Task The_report_comes_on_the_same_association_and_names_missing_and_other_clinics_instances_as_failed()
    {
        await using var server = await DimseTestServer.StartAsync();
        var mine = TwoSeriesStudy.Create("COMMIT-A");
        var theirs = TwoSeriesStudy.Create("COMMIT-B");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. mine.Files]);
        await Dcmtk.StoreAsync(server, "MODALITY_B", theirs.Files[0]);
        var references = mine.Files.Select(Reference).Append(Reference(theirs.Files[0])).Append((CtImageStorage, "2.25.1")).ToList();

        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port,
            [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, Syntax) { ProposedRoles = (Scu: true, Scp: true) }]);
        var scu = new DicomScu(association);
        var answer = await scu.NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance, 1, Request("2.25.42", references));
        var report = await scu.ReceiveEventReportAsync(DicomStatus.Success);
        await association.ReleaseAsync();

        Assert.True(answer.Status.IsSuccess, answer.Status.ToString());
        Assert.Equal(2, report.EventTypeId);
        Assert.Equal("2.25.42", report.EventInformation!.GetString(DicomTags.TransactionUID));
        Assert.Equal(mine.Files.Select(f => Reference(f).Sop).Order(StringComparer.Ordinal), Uids(report.EventInformation, DicomTags.ReferencedSOPSequence));
        var failed = report.EventInformation.GetSequence(DicomTags.FailedSOPSequence)!.Items;
        Assert.Equal(new[] { Reference(theirs.Files[0]).Sop, "2.25.1" }.Order(StringComparer.Ordinal), failed.Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID)).Order(StringComparer.Ordinal));
        Assert.All(failed, i => Assert.Equal((ushort)0x0112, i.GetValue<ushort>(DicomTags.FailureReason)));
    }

    [Fact]
    public async Task Without_the_scp_role_the_report_goes_to_the_clinics_node_named_by_the_calling_ae()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("COMMIT-NODE");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        var reports = new ReportCatcher();
        var policy = new DicomAssociationPolicy().Accept(DicomUids.StorageCommitmentPushModel, Syntax, "1.2.840.10008.1.2")
            .AllowRoles(DicomUids.StorageCommitmentPushModel, scu: true, scp: true);
        await using var modality = new DicomServer(new DicomServerOptions { Port = 0 }, policy, new DicomServiceDispatcher { NEventReport = reports }.HandleAsync);
        modality.Start();
        await server.RegisterNodeAsync(server.ClinicA, "MODALITY_A", modality.LocalEndPoint.Port);

        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, Syntax)]);
        var answer = await new DicomScu(association).NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance, 1,
            Request("2.25.43", study.Files.Select(Reference).ToList()));
        await association.ReleaseAsync();
        await association.DisposeAsync();
        var report = await reports.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(answer.Status.IsSuccess, answer.Status.ToString());
        Assert.Equal((ushort)1, report.EventTypeId);
        Assert.Equal("TELEREAD", report.Context.CallingAeTitle);
        Assert.Equal("2.25.43", report.DataSet!.GetString(DicomTags.TransactionUID));
        Assert.Equal(3, report.DataSet.GetSequence(DicomTags.ReferencedSOPSequence)!.Items.Count);
        Assert.Null(report.DataSet.GetSequence(DicomTags.FailedSOPSequence));
    }

    [Fact]
    public async Task An_n_action_on_another_instance_or_action_type_is_refused()
    {
        await using var server = await DimseTestServer.StartAsync();
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(DicomUids.StorageCommitmentPushModel, Syntax)]);
        var scu = new DicomScu(association);
        var request = Request("2.25.44", [(CtImageStorage, "2.25.1")]);

        Assert.Equal(DicomStatus.NoSuchObjectInstance, (await scu.NActionAsync(DicomUids.StorageCommitmentPushModel, "2.25.9", 1, request)).Status);
        Assert.Equal(DicomStatus.NoSuchActionType, (await scu.NActionAsync(DicomUids.StorageCommitmentPushModel, DicomUids.StorageCommitmentPushModelInstance, 7, request)).Status);
        await association.ReleaseAsync();
    }

    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private static (string Class, string Sop) Reference(string file)
    {
        var ds = DicomFile.Open(file).Dataset;
        return (ds.GetString(DicomTags.SOPClassUID), ds.GetString(DicomTags.SOPInstanceUID));
    }

    private static DicomDataset Request(string transactionUid, IReadOnlyList<(string Class, string Sop)> references)
    {
        var items = references.Select(r =>
        {
            var item = new DicomItem();
            item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, r.Class);
            item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, r.Sop);
            return item;
        });
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.TransactionUID, DicomVR.UI, transactionUid);
        ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, items));
        return ds;
    }

    private static IEnumerable<string> Uids(DicomDataset ds, DicomTag sequence) =>
        ds.GetSequence(sequence)!.Items.Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID)).Order(StringComparer.Ordinal);

    private sealed class ReportCatcher : IDicomNEventReportHandler
    {
        public TaskCompletionSource<DicomNRequest> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<DicomNResult> EventReportAsync(DicomNRequest request, CancellationToken cancellationToken)
        {
            Received.TrySetResult(request);
            return ValueTask.FromResult(new DicomNResult(DicomStatus.Success));
        }
    }
}
