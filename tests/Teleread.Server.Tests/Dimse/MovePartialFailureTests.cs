using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>A C-MOVE whose destination refuses one instance ends with warning B000H and counts completed and failed sub-operations.</summary>
public sealed class MovePartialFailureTests
{
    private const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";

    [Fact]
    public async Task A_refused_sub_operation_gives_b000_with_pending_responses_and_counts()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-B000");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        var refused = DicomFile.Open(study.Files[1]).Dataset.GetString(DicomTags.SOPInstanceUID);
        var syntaxes = new[] { "1.2.840.10008.1.2.1", "1.2.840.10008.1.2" };
        var destination = new RefuseOne(refused);
        await using var node = new DicomServer(new DicomServerOptions { Port = 0 }, new DicomAssociationPolicy().AcceptAnyAbstractSyntax(syntaxes),
            new DicomServiceDispatcher { Store = destination }.HandleAsync);
        node.Start();
        await server.RegisterNodeAsync(server.ClinicA, "PICKY_NODE", node.LocalEndPoint.Port);

        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = "MODALITY_A", CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", server.Port, [new DicomPresentationContextProposal(StudyRootMove, syntaxes)]);
        var identifier = new DicomDataset();
        identifier.AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        identifier.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study.StudyUid);
        var responses = new List<DicomOperationProgress>();
        await foreach (var progress in new DicomScu(association).MoveAsync(StudyRootMove, "PICKY_NODE", identifier))
        {
            responses.Add(progress);
        }

        await association.ReleaseAsync();
        Assert.Equal([(ushort?)2, (ushort?)1], responses.Where(r => r.Status.IsPending).Select(r => r.Counts.Remaining));
        var final = responses[^1];
        Assert.Equal(DicomStatus.SubOperationsCompleteWithFailures, final.Status);
        Assert.Equal(((ushort?)2, (ushort?)1, (ushort?)0), (final.Counts.Completed, final.Counts.Failed, final.Counts.Warning));
        Assert.Equal(2, destination.Accepted);
        Assert.Equal("MODALITY_A", destination.MoveOriginator);
    }

    private sealed class RefuseOne(string refusedSopInstanceUid) : IDicomStoreHandler
    {
        private int _accepted;

        public int Accepted => Volatile.Read(ref _accepted);

        public string? MoveOriginator { get; private set; }

        public async ValueTask<DicomStatus> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        {
            await dataSet.CopyToAsync(Stream.Null, cancellationToken);
            MoveOriginator = request.MoveOriginatorAeTitle;
            if (request.SopInstanceUid == refusedSopInstanceUid)
            {
                return DicomStatus.OutOfResources;
            }

            Interlocked.Increment(ref _accepted);
            return DicomStatus.Success;
        }
    }
}
