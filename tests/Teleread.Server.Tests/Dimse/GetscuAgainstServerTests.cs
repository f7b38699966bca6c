using Teleread.Server.Tests.Dimse.Support;

namespace Teleread.Server.Tests.Dimse;

/// <summary>DCMTK's getscu against the server: C-STORE sub-operations on the same association, byte for byte as stored, only the caller's clinic's.</summary>
public sealed class GetscuAgainstServerTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("teleread-getscu-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Theory]
    [InlineData("STUDY", 3)]
    [InlineData("SERIES", 2)]
    public async Task Getscu_receives_the_matching_instances_byte_identical_to_what_was_stored(string level, int expected)
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("GET-" + level);
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);

        var keys = level == "SERIES" ? new[] { $"StudyInstanceUID={study.StudyUid}", $"SeriesInstanceUID={study.Series1Uid}" } : [$"StudyInstanceUID={study.StudyUid}"];
        var get = await Get(server, "MODALITY_A", level, keys);

        Dcmtk.AssertOutputContains(get, "Received C-GET Response (Success)");
        Dcmtk.AssertOutputContains(get, $"Number of Completed Suboperations : {expected}");
        await MovescuAgainstServerTests.AssertReceivedAsStoredAsync(server, study.StudyUid, Directory.GetFiles(_output), expected);
    }

    [Fact]
    public async Task Getscu_from_another_clinic_receives_nothing()
    {
        await using var server = await DimseTestServer.StartAsync();
        var study = TwoSeriesStudy.Create("GET-OTHER");
        await Dcmtk.StoreAsync(server, "MODALITY_A", [.. study.Files]);

        var get = await Get(server, "MODALITY_B", "STUDY", $"StudyInstanceUID={study.StudyUid}");

        Dcmtk.AssertOutputContains(get, "Received C-GET Response (Success)");
        Assert.DoesNotContain("Received C-STORE Request", get.Output(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_output));
    }

    private Task<Teleread.Testing.ProcessResult> Get(DimseTestServer server, string callingAe, string level, params string[] keys)
    {
        var args = new List<string> { "-v", "-S", "-aet", callingAe, "-aec", "TELEREAD", "+B", "-od", _output, "-k", "QueryRetrieveLevel=" + level };
        foreach (var key in keys)
        {
            args.AddRange(["-k", key]);
        }

        args.AddRange(["127.0.0.1", server.PortText]);
        return Dcmtk.RunAsync("getscu", args);
    }
}
