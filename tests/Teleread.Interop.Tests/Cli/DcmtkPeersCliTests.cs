using System.Globalization;
using System.Text.Json;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>
/// `teleread dicom store|find|move` against DCMTK peers: storescp receives, dcmqrscp (generated dcmqrscp.cfg) answers
/// C-FIND and performs C-MOVE to a storescp; rejections and unreachable nodes give one readable line and exit 1.
/// </summary>
public sealed class DcmtkPeersCliTests
{
    private static readonly string Ct = RepoPaths.Sample("pydicom/test_files/CT_small.dcm");
    private static readonly string Mr = RepoPaths.Sample("pydicom/test_files/MR_small.dcm");

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Store_sends_each_file_to_storescp_byte_for_byte()
    {
        await using var storescp = await StorescpPeer.StartAsync("STORESCP");

        var result = await TelereadCli.RunAsync("dicom", "store", "127.0.0.1", P(storescp.Port), Ct, Mr, "--aec", "STORESCP");

        Assert.True(result.ExitCode == 0, result.StandardError + storescp.Log);
        Assert.Equal(2, result.StandardOutput.Split("(Success)").Length - 1);
        AssertSameDataSets([Ct, Mr], storescp.ReceivedFiles());
    }

    [Fact]
    public async Task Send_remains_an_alias_of_store()
    {
        await using var storescp = await StorescpPeer.StartAsync("STORESCP");

        var result = await TelereadCli.RunAsync("dicom", "send", "127.0.0.1", P(storescp.Port), Ct, "--aec", "STORESCP");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Single(storescp.ReceivedFiles());
    }

    [Fact]
    public async Task Find_prints_dcmqrscp_matches_as_a_table_and_as_dicom_json()
    {
        await using var qr = await DcmqrscpPeer.StartAsync("DCMQRSCP", [Ct, Mr], new Dictionary<string, int>());

        var table = await TelereadCli.RunAsync("dicom", "find", "127.0.0.1", P(qr.Port), "--aec", "DCMQRSCP", "--level", "STUDY", "-k", "PatientName=Compressed*");
        Assert.True(table.ExitCode == 0, table.StandardError + qr.Log);
        Assert.Contains("StudyInstanceUID", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("CompressedSamples^CT1", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("CompressedSamples^MR1", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 matches", table.StandardOutput, StringComparison.Ordinal);

        var json = await TelereadCli.RunAsync("dicom", "find", "127.0.0.1", P(qr.Port), "--aec", "DCMQRSCP", "--root", "patient", "--level", "PATIENT",
            "-k", "PatientID=1CT1", "--json");
        Assert.True(json.ExitCode == 0, json.StandardError + qr.Log);
        var matches = JsonDocument.Parse(json.StandardOutput).RootElement;
        var only = Assert.Single(matches.EnumerateArray());
        Assert.Equal("CompressedSamples^CT1", only.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public async Task Move_has_dcmqrscp_send_the_study_to_storescp()
    {
        await using var storescp = await StorescpPeer.StartAsync("STORESCP");
        await using var qr = await DcmqrscpPeer.StartAsync("DCMQRSCP", [Ct, Mr], new Dictionary<string, int> { ["STORESCP"] = storescp.Port });
        var study = DicomFile.Open(Ct).Dataset.GetString(DicomTags.StudyInstanceUID);

        var result = await TelereadCli.RunAsync("dicom", "move", "127.0.0.1", P(qr.Port), "--aec", "DCMQRSCP", "--dest", "STORESCP",
            "--level", "STUDY", "-k", "StudyInstanceUID=" + study);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError + qr.Log);
        Assert.Contains("completed 1, failed 0", result.StandardOutput, StringComparison.Ordinal);
        AssertSameDataSets([Ct], storescp.ReceivedFiles());
    }

    [Fact]
    public async Task Move_to_an_unknown_destination_fails_with_exit_one()
    {
        await using var qr = await DcmqrscpPeer.StartAsync("DCMQRSCP", [Ct], new Dictionary<string, int>());

        var result = await TelereadCli.RunAsync("dicom", "move", "127.0.0.1", P(qr.Port), "--aec", "DCMQRSCP", "--dest", "NOWHERE",
            "-k", "StudyInstanceUID=" + DicomFile.Open(Ct).Dataset.GetString(DicomTags.StudyInstanceUID));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("C-MOVE status 0xA801", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_association_and_an_unreachable_node_are_reported_in_one_line()
    {
        await using var qr = await DcmqrscpPeer.StartAsync("DCMQRSCP", [], new Dictionary<string, int>());

        var rejected = await TelereadCli.RunAsync("dicom", "find", "127.0.0.1", P(qr.Port), "--aec", "NOT_DCMQRSCP", "-k", "PatientName");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("rejected the association (permanent): called AE title not recognized", rejected.StandardError, StringComparison.Ordinal);

        var refused = await TelereadCli.RunAsync("dicom", "echo", "127.0.0.1", P(LoopbackOnly.FreePort()), "--timeout", "5");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("teleread dicom echo: cannot reach 127.0.0.1:", refused.StandardError, StringComparison.Ordinal);

        var usage = await TelereadCli.RunAsync("dicom", "find", "127.0.0.1", P(qr.Port), "--level", "WARD");
        Assert.Equal(2, usage.ExitCode);
    }

    /// <summary>Each original's data set, encoded in explicit VR little endian and without trailing padding, equals that of the received file with the same SOP instance UID.</summary>
    private static void AssertSameDataSets(IReadOnlyList<string> originals, IReadOnlyList<string> received)
    {
        Assert.Equal(originals.Count, received.Count);
        var byUid = received.Select(f => DicomFile.Open(f)).ToDictionary(f => f.Dataset.GetString(DicomTags.SOPInstanceUID));
        foreach (var original in originals.Select(f => DicomFile.Open(f)))
        {
            var copy = byUid[original.Dataset.GetString(DicomTags.SOPInstanceUID)];
            Assert.Equal(Encode(original.Dataset), Encode(copy.Dataset));
        }
    }

    private static byte[] Encode(DicomDataset dataset)
    {
        dataset.Remove(DicomTags.DataSetTrailingPadding); // DCMTK drops it when writing
        using var stream = new MemoryStream();
        DicomWriter.WriteDataset(stream, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return stream.ToArray();
    }
}
