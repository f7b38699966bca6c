using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>C-CANCEL during a C-MOVE: the server stops after the sub-operation under way and answers Cancel (FE00H) with the counts so far.</summary>
public sealed class MoveCancelTests
{
    private const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";

    [Fact]
    public async Task A_cancelled_move_ends_with_fe00_before_every_instance_was_sent()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-CANCEL");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        var slow = new SlowStore();
        var syntaxes = new[] { "1.2.840.10008.1.2.1", "1.2.840.10008.1.2" };
        await using var node = new DicomServer(new DicomServerOptions { Port = 0 }, new DicomAssociationPolicy().AcceptAnyAbstractSyntax(syntaxes),
            new DicomServiceDispatcher { Store = slow }.HandleAsync);
        node.Start();
        await server.RegisterNodeAsync(server.ClinicA, "SLOW_NODE", node.LocalEndPoint.Port);

        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(StudyRootMove, syntaxes)]);
        var identifier = new DicomDataset();
        identifier.AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        identifier.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study.StudyUid);
        using var cancel = new CancellationTokenSource();
        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in new DicomScu(association).MoveAsync(StudyRootMove, "SLOW_NODE", identifier, cancel.Token))
        {
            responses.Add(progress);
            await cancel.CancelAsync();
        }

        await association.ReleaseAsync();
        var final = responses[^1];
        Assert.Equal(DicomStatus.Cancel, final.Status);
        Assert.True(final.Counts.Completed < 3, $"completed {final.Counts.Completed}");
        Assert.True(slow.Stored < 3, $"stored {slow.Stored}");
    }

    private sealed class SlowStore : IDicomStoreHandler
    {
        private int _stored;

        public int Stored => Volatile.Read(ref _stored);

        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            await dataSet.CopyToAsync(Stream.Null, cancellationToken);
            await Task.Delay(700, cancellationToken);
            Interlocked.Increment(ref _stored);
            return DicomStatus.Success;
        }
    }
}
