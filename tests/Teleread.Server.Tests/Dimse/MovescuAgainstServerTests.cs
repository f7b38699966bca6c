using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// DCMTK's movescu against the server: instances go to a DCMTK storescp registered as the calling clinic's node,
/// byte for byte as the archive stored them; other destinations and other clinics' studies get nothing.
/// </summary>
public sealed class MovescuAgainstServerTests
{
    [Fact]
    public async Task A_study_level_move_sends_every_instance_byte_identical_to_the_clinics_node()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-STUDY");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        await using var node = await StoreScpProcess.StartAsync("NODE_A");
        await server.RegisterNodeAsync(server.ClinicA, "NODE_A", node.Port);

        var move = await Move(server, "MODALITY_A", "NODE_A", "STUDY", $"StudyInstanceUID={study.StudyUid}");

        Dcmtk.AssertOutputContains(move, "Received Final Move Response (Success)");
        Dcmtk.AssertOutputContains(move, "Received Move Response 2 (Pending)");
        await AssertReceivedAsStoredAsync(server, study.StudyUid, await node.WaitForFilesAsync(3), expected: 3);
    }

    [Fact]
    public async Task A_series_level_move_sends_only_that_series()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-SERIES");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        await using var node = await StoreScpProcess.StartAsync("NODE_A");
        await server.RegisterNodeAsync(server.ClinicA, "NODE_A", node.Port);

        var move = await Move(server, "MODALITY_A", "NODE_A", "SERIES", $"StudyInstanceUID={study.StudyUid}", $"SeriesInstanceUID={study.Series1Uid}");

        Dcmtk.AssertOutputContains(move, "Received Final Move Response (Success)");
        Dcmtk.AssertOutputContains(move, "Received Move Response 1 (Pending)");
        await AssertReceivedAsStoredAsync(server, study.StudyUid, await node.WaitForFilesAsync(2), expected: 2);
    }

    [Fact]
    public async Task A_patient_root_patient_level_move_sends_every_study_of_the_patient()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-PATIENT");
        var other = TwoSeriesStudy.Create("SOMEONE-ELSE");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files, .. other.Files]);
        await using var node = await StoreScpProcess.StartAsync("NODE_A");
        await server.RegisterNodeAsync(server.ClinicA, "NODE_A", node.Port);

        var move = await Dcmtk.RunAsync("movescu", ["-v", "-P", "-aet", "MODALITY_A", "-aec", "TELEREAD", "-aem", "NODE_A",
            "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=MOVE-PATIENT", "127.0.0.1", server.PortText]);

        Dcmtk.AssertOutputContains(move, "Received Final Move Response (Success)");
        await AssertReceivedAsStoredAsync(server, study.StudyUid, await node.WaitForFilesAsync(3), expected: 3);
    }

    [Fact]
    public async Task A_move_to_an_unregistered_ae_fails_with_a801()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-A801");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        await using var node = await StoreScpProcess.StartAsync("NODE_B");
        await server.RegisterNodeAsync(server.ClinicB, "NODE_B", node.Port);

        // NODE_B exists, but belongs to clinic B: for clinic A it is as unknown as any other title.
        foreach (var destination in new[] { "NOWHERE", "NODE_B" })
        {
            var move = await Move(server, "MODALITY_A", destination, "STUDY", $"StudyInstanceUID={study.StudyUid}");
            Dcmtk.AssertOutputContains(move, "Received Final Move Response (Refused: MoveDestinationUnknown)"); // DCMTK's name for A801H
        }

        Assert.Empty(node.ReceivedFiles);
    }

    [Fact]
    public async Task A_clinic_cannot_move_another_clinics_study()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("MOVE-OTHER");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);
        await using var node = await StoreScpProcess.StartAsync("NODE_B");
        await server.RegisterNodeAsync(server.ClinicB, "NODE_B", node.Port);

        var move = await Move(server, "MODALITY_B", "NODE_B", "STUDY", $"StudyInstanceUID={study.StudyUid}");

        Dcmtk.AssertOutputContains(move, "Received Final Move Response (Success)");
        Assert.DoesNotContain("Completed Suboperations  : 1", move.Output(), StringComparison.Ordinal);
        Assert.DoesNotContain("Completed Suboperations  : 3", move.Output(), StringComparison.Ordinal);
        Assert.Empty(node.ReceivedFiles);
    }

    private static Task<Teleread.Testing.ProcessResult> Move(DimseTestServer server, string callingAe, string destination, string level, params string[] keys)
    {
        var args = new List<string> { "-v", "-S", "-aet", callingAe, "-aec", "TELEREAD", "-aem", destination, "-k", "QueryRetrieveLevel=" + level };
        foreach (var key in keys)
        {
            args.AddRange(["-k", key]);
        }

        args.AddRange(["127.0.0.1", server.PortText]);
        return Dcmtk.RunAsync("movescu", args);
    }

    internal static async Task AssertReceivedAsStoredAsync(DimseTestServer server, string studyUid, IReadOnlyList<string> files, int expected)
    {
        var stored = await ArchivedDataSets.OfStudyAsync(server.Server, studyUid);
        Assert.Equal(expected, files.Count);
        foreach (var file in files)
        {
            var (sop, dataSet) = await ArchivedDataSets.OfFileAsync(file);
            Assert.True(stored.TryGetValue(sop, out var original), $"{sop} was not stored in the study");
            Assert.True(original.AsSpan().SequenceEqual(dataSet), $"{sop} arrived different from what was stored");
        }
    }
}
