using Teleread.Dicom;
using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>`teleread dicom dump|validate|anonymize` as a user runs them, their output checked with DCMTK where it can be.</summary>
public sealed class DicomInspectCommandsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("teleread-cli-inspect-").FullName;

    private static string CtSmall => RepoPaths.Sample("pydicom/test_files/CT_small.dcm");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Dump_shows_the_values_dcmdump_shows()
    {
        var ours = await TelereadCli.RunAsync("dicom", "dump", CtSmall);
        var theirs = await ProcessRunner.RunAsync(RequiredTool.Find("dcmdump", "dcmtk"), ["+P", "0010,0010", "+P", "0020,000d", "+P", "0028,0010", CtSmall]);

        Assert.Equal(0, ours.ExitCode);
        var lines = theirs.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            var tagAndValue = line[..line.IndexOf('#', StringComparison.Ordinal)].TrimEnd();
            Assert.Contains(tagAndValue, ours.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dump_of_a_file_that_is_not_dicom_says_so_in_one_line_and_exits_1()
    {
        var path = Path.Combine(_work, "notes.txt");
        await File.WriteAllTextAsync(path, "not an image");

        var result = await TelereadCli.RunAsync("dicom", "dump", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Not a DICOM file", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_passes_a_complete_ct_and_names_each_missing_type_1_attribute_with_its_module()
    {
        var broken = Path.Combine(_work, "broken.dcm");
        File.Copy(CtSmall, broken);
        var modify = await ProcessRunner.RunAsync(RequiredTool.Find("dcmodify", "dcmtk"), ["-nb", "-e", "(0020,000d)", "-e", "(0028,0010)", broken]);
        Assert.Equal(0, modify.ExitCode);

        var good = await TelereadCli.RunAsync("dicom", "validate", CtSmall);
        var bad = await TelereadCli.RunAsync("dicom", "validate", broken);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("0 error(s)", good.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("(0020,000D) StudyInstanceUID [General Study (PS3.3 C.7.2.1)] missing (Type 1)", bad.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(0028,0010) Rows [Image Pixel (PS3.3 C.7.6.3)] missing (Type 1)", bad.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", bad.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymize_a_folder_removes_identity_keeps_the_study_together_under_new_uids_and_dcmtk_reads_the_result()
    {
        var input = Path.Combine(_work, "in");
        var output = Path.Combine(_work, "out");
        Directory.CreateDirectory(input);
        foreach (var name in new[] { "siemens_dwi_0.dcm", "siemens_dwi_1000.dcm" })
        {
            File.Copy(RepoPaths.Sample("nibabel/" + name), Path.Combine(input, name));
        }

        var result = await TelereadCli.RunAsync("dicom", "anonymize", input, output, "--keep", "dates");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var originals = Directory.GetFiles(input).Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f).Dataset).ToList();
        var anonymized = Directory.GetFiles(output).Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f).Dataset).ToList();
        Assert.Equal(2, anonymized.Count);
        Assert.Single(anonymized.Select(d => d.GetString(DicomTags.StudyInstanceUID)).Distinct());
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(originals[i].GetString(DicomTags.StudyInstanceUID), anonymized[i].GetString(DicomTags.StudyInstanceUID));
            Assert.NotEqual(originals[i].GetString(DicomTags.SOPInstanceUID), anonymized[i].GetString(DicomTags.SOPInstanceUID));
            Assert.Equal("YES", anonymized[i].GetString(DicomTags.PatientIdentityRemoved));
            Assert.True(string.IsNullOrEmpty(anonymized[i].GetStringOrDefault(DicomTags.PatientName)));
            Assert.Equal(originals[i].GetString(DicomTags.StudyDate), anonymized[i].GetString(DicomTags.StudyDate));
        }

        foreach (var file in Directory.GetFiles(output))
        {
            var dump = await ProcessRunner.RunAsync(RequiredTool.Find("dcmdump", "dcmtk"), ["-q", file]);
            Assert.True(dump.ExitCode == 0 && dump.StandardError.Length == 0, $"dcmdump on {file}: {dump.StandardError}");
        }
    }
}
