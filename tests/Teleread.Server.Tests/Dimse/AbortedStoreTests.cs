using Microsoft.Extensions.DependencyInjection;
using Teleread.Archive;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;
using Teleread.Identity;
using Teleread.Server.Dimse;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// A 50 MB C-STORE that stops at 20 MB (A-ABORT, or the connection simply dropped) leaves nothing behind in the
/// running server: no index row, no blob or temporary file, and the next association is served as usual.
/// </summary>
public sealed class AbortedStoreTests
{
    private const string Modality = "MODALITY_A";
    private const uint PixelDataLength = 50_000_000;

    public static TheoryData<string> HowItStops => ["a-abort", "connection-dropped"];

    [Theory]
    [MemberData(nameof(HowItStops))]
    public async Task A_large_store_broken_midway_leaves_nothing_and_the_server_goes_on(string howItStops)
    {
        await using var server = await RunningServer.StartAsync("sqlite", null, null, "--Teleread:Dicom:ListenOnEphemeralPort=true");
        await server.Service<IdentityStore>().CreateClinicAsync("Clinic A", [Modality], CancellationToken.None);
        var port = server.App.Services.GetRequiredService<DimseListener>().LocalEndPoint!.Port;
        const string study = "2.25.4242001";
        var header = LargeCtHeader(study, study + ".1.1");
        Func<Exception> failure = howItStops == "a-abort"
            ? () => new OperationCanceledException("the sender gave up")
            : () => new IOException("the sender's connection broke");

        var scu = await Associate(port);
        var sent = scu.StoreAsync(DicomUids.CTImageStorage, study + ".1.1", DicomUids.ExplicitVRLittleEndian,
            new BrokenPixelDataStream(header, PixelDataLength, breakAfter: 20_000_000, failure));
        await Assert.ThrowsAnyAsync<Exception>(() => sent);
        await scu.Association.DisposeAsync();

        var retrieve = server.Service<RetrieveService>();
        var storage = Path.Combine(server.DataDirectory, "storage");
        string[] files = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            files = Directory.Exists(storage) ? Directory.GetFiles(storage, "*", SearchOption.AllDirectories) : [];
            if (files.Length == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Empty(files);
        Assert.Empty(await retrieve.ListInstancesAsync(ArchiveAccess.All, study, null, null, CancellationToken.None));

        // The server keeps serving: a new association stores a small instance.
        var next = await Associate(port);
        Assert.True((await next.EchoAsync()).IsSuccess);
        var small = DicomFile.Open(RepoPaths.Sample("pydicom/test_files/CT_small.dcm")).Dataset;
        Assert.True((await next.StoreAsync(small)).IsSuccess);
        await next.Association.ReleaseAsync();
        Assert.Single(await retrieve.ListInstancesAsync(ArchiveAccess.All, small.GetString(DicomTags.StudyInstanceUID), null, null, CancellationToken.None));
    }

    private static async Task<DicomScu> Associate(int port) =>
        new(await new DicomClient(new DicomClientOptions { CallingAeTitle = Modality, CalledAeTitle = "TELEREAD" }).OpenAssociationAsync("127.0.0.1", port,
        [
            new DicomPresentationContextProposal(DicomUids.Verification, DicomUids.ImplicitVRLittleEndian),
            new DicomPresentationContextProposal(DicomUids.CTImageStorage, DicomUids.ExplicitVRLittleEndian),
        ]));

    /// <summary>A CT header for 5000×5000 16-bit pixels (50 MB), everything but the Pixel Data element, explicit VR little endian.</summary>
    private static byte[] LargeCtHeader(string study, string sop)
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sop)
            .AddOrUpdate(DicomTags.StudyDate, "20240101")
            .AddOrUpdate(DicomTags.Modality, "CT")
            .AddOrUpdate(DicomTags.PatientName, "Aborted^Transfer")
            .AddOrUpdate(DicomTags.PatientID, "ABORT-1")
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study)
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, study + ".1")
            .AddOrUpdate(DicomTags.InstanceNumber, "1")
            .AddOrUpdate<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, 5000)
            .AddOrUpdate<ushort>(DicomTags.Columns, DicomVR.US, 5000)
            .AddOrUpdate<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16)
            .AddOrUpdate<ushort>(DicomTags.BitsStored, DicomVR.US, 16)
            .AddOrUpdate<ushort>(DicomTags.HighBit, DicomVR.US, 15)
            .AddOrUpdate<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0);
        using var stream = new MemoryStream();
        DicomWriter.WriteDataset(stream, ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }
}
