using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>Teleread's Storage Commitment SCU (<see cref="DicomScu.RequestStorageCommitmentAsync"/>) against the running server.</summary>
public sealed class StorageCommitmentScuAgainstServerTests
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Instances_stored_on_the_association_are_committed_on_it()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("COMMIT-SCU");
        var datasets = study.Files.Select(f => DicomFile.Open(f).Dataset).ToList();
        var proposals = datasets.Select(d => d.GetString(DicomTags.SOPClassUID)).Distinct()
            .Select(c => new DicomPresentationContextProposal(c, DicomUids.ExplicitVRLittleEndian))
            .Append(DicomStorageCommitmentRequest.Proposal).ToList();

        await using var association = await Open(server, "MODALITY_A", proposals);
        var scu = new DicomScu(association);
        foreach (var dataset in datasets)
        {
            Assert.True((await scu.StoreAsync(dataset)).IsSuccess);
        }

        var references = datasets.Select(Reference).ToList();
        var result = await scu.RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), ReportTimeout);
        await association.ReleaseAsync();

        Assert.True(result.AllCommitted, string.Join(", ", result.Failed));
        Assert.Equal(references, result.Committed);
    }

    [Fact]
    public async Task A_never_stored_instance_and_another_clinics_instance_fail_with_no_such_object_instance()
    {
        await using var server = await DimseTestServer.StartAsync();
        var mine = TwoSeriesStudy.Create("COMMIT-SCU-A");
        var theirs = TwoSeriesStudy.Create("COMMIT-SCU-B");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. mine.Files]);
        await Dcmtk.StoreAsync(server, "MODALITY_B", theirs.Files[0]);
        var stored = mine.Files.Select(f => Reference(DicomFile.Open(f).Dataset)).ToList();
        var otherClinics = Reference(DicomFile.Open(theirs.Files[0]).Dataset);
        var neverStored = new DicomSopReference(stored[0].SopClassUid, "2.25.123456789");

        await using var association = await Open(server, "MODALITY_A", [DicomStorageCommitmentRequest.Proposal]);
        var result = await new DicomScu(association).RequestStorageCommitmentAsync(
            DicomStorageCommitmentRequest.For([.. stored, otherClinics, neverStored]), ReportTimeout);
        await association.ReleaseAsync();

        Assert.False(result.AllCommitted);
        Assert.Equal(stored, result.Committed);
        Assert.Equal([otherClinics, neverStored], result.Failed.Select(f => f.Reference));
        Assert.All(result.Failed, f => Assert.Equal(DicomStorageCommitmentFailure.NoSuchObjectInstance, f.FailureReason));
    }

    private static Task<DicomAssociation> Open(DimseTestServer server, string callingAe, IReadOnlyList<DicomPresentationContextProposal> proposals) =>
        new DicomClient(new DicomClientOptions { CallingAeTitle = callingAe, CalledAeTitle = "TELEREAD" })
            .OpenAssociationAsync("127.0.0.1", server.Port, proposals);

    private static DicomSopReference Reference(DicomDataset dataset) =>
        new(dataset.GetString(DicomTags.SOPClassUID).Trim(), dataset.GetString(DicomTags.SOPInstanceUID).Trim());
}
