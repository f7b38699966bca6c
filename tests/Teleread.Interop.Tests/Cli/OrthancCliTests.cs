using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>`teleread dicom store|find|move` against Orthanc's DICOM port (Orthanc moves to a storescp it knows as a modality).</summary>
public sealed class OrthancCliTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Mr = RepoPaths.Sample("pydicom/test_files/MR_small.dcm");

    [Fact]
    public async Task Store_then_find_then_move_through_orthanc()
    {
        await using var storescp = await StorescpPeer.StartAsync("STORESCP");
        await using var orthanc = await OrthancPeer.StartAsync(new OrthancPeerOptions
        {
            DicomAeTitle = "ORTHANC",
            Modalities = new Dictionary<string, OrthancModality>
            {
                ["storescp"] = new("STORESCP", "127.0.0.1", storescp.Port),
                ["teleread"] = new("TELEREAD", "127.0.0.1", 104),
            },
        });
        var port = orthanc.DicomPort!.Value.ToString(CultureInfo.InvariantCulture);

        var store = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", port, Ct, Mr, "--aec", "ORTHANC");
        Assert.True(store.ExitCode == 0, store.StandardError + orthanc.Log);

        var find = await TelereadCli.RunAsync("dicom", "find", "127.0.0.1", port, "--aec", "ORTHANC", "--level", "SERIES",
            "-k", "StudyInstanceUID=" + DicomFile.Open(Mr).Dataset.GetString(DicomTags.StudyInstanceUID));
        Assert.True(find.ExitCode == 0, find.StandardError + orthanc.Log);
        Assert.Contains("MR", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 match", find.StandardOutput, StringComparison.Ordinal);

        var move = await TelereadCli.RunAsync("dicom", "move", "127.0.0.1", port, "--aec", "ORTHANC", "--dest", "STORESCP",
            "-k", "StudyInstanceUID=" + DicomFile.Open(Ct).Dataset.GetString(DicomTags.StudyInstanceUID));
        Assert.True(move.ExitCode == 0, move.StandardOutput + move.StandardError + orthanc.Log);
        var received = DicomFile.Open(Assert.Single(storescp.ReceivedFiles())).Dataset;
        Assert.Equal(Encode(DicomFile.Open(Ct).Dataset), Encode(received));
    }

    private static byte[] Encode(DicomDataset dataset)
    {
        dataset.Remove(DicomTags.DataSetTrailingPadding); // DCMTK (inside Orthanc) drops it when writing
        using var stream = new MemoryStream();
        DicomWriter.WriteDataset(stream, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }
}
