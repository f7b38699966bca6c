using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Tests.Validation;

public sealed class DicomValueCheckerTests
{
    [Theory]
    [InlineData("CS", "ORIGINAL", true)]
    [InlineData("CS", "DERIVED_2 X", true)]
    [InlineData("CS", "original", false)]
    [InlineData("CS", "A-B", false)]
    [InlineData("DA", "20240229", true)]
    [InlineData("DA", "20230229", false)]
    [InlineData("DA", "1993.04.30", false)]
    [InlineData("DA", "2024011", false)]
    [InlineData("TM", "235960.123456", true)]
    [InlineData("TM", "0930", true)]
    [InlineData("TM", "11:27:24", false)]
    [InlineData("TM", "245900", false)]
    [InlineData("TM", "1230.5", false)]
    [InlineData("DT", "20240101123000.5+0100", true)]
    [InlineData("DT", "2024", true)]
    [InlineData("DT", "20241301", false)]
    [InlineData("UI", "1.2.840.10008.1.2.1", true)]
    [InlineData("UI", "1.2.0.3", true)]
    [InlineData("UI", "1.02.3", false)]
    [InlineData("UI", "1..2", false)]
    [InlineData("UI", "1.2.a", false)]
    [InlineData("AE", "STORESCP", true)]
    [InlineData("AE", "   ", false)]
    [InlineData("AE", "A\tB", false)]
    [InlineData("AS", "045Y", true)]
    [InlineData("AS", "45Y", false)]
    [InlineData("IS", "-12", true)]
    [InlineData("IS", "3000000000", false)]
    [InlineData("DS", "1.5e-3", true)]
    [InlineData("DS", "abc", false)]
    public void Checks_characters_per_vr(string vr, string value, bool valid)
    {
        var problem = DicomValueChecker.CheckCharacters(DicomVR.Parse(vr), value);

        Assert.Equal(valid, problem is null);
    }

    [Fact]
    public void Reports_a_value_longer_than_its_vr_allows()
    {
        var ds = new DicomDataset();
        var element = DicomElement.FromString(DicomTags.StationName, DicomVR.SH, new string('A', 17));

        var message = Assert.Single(DicomValueChecker.Check(element, ds));

        Assert.Contains("more than the 16 allowed for SH", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public void Checks_value_multiplicity_against_the_dictionary(int count, bool valid)
    {
        var element = DicomElement.FromStrings(DicomTags.ImageOrientationPatient, DicomVR.DS, Enumerable.Repeat("0", count));

        Assert.Equal(valid, !DicomValueChecker.Check(element, new DicomDataset()).Any());
    }

    [Fact]
    public void Checks_multiplicity_of_binary_values()
    {
        var element = DicomElement.FromValues<ushort>(DicomTags.Rows, DicomVR.US, 1, 2);

        Assert.Contains(DicomValueChecker.Check(element, new DicomDataset()), m => m.Contains("VM 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1", 1, true)]
    [InlineData("1", 2, false)]
    [InlineData("1-3", 3, true)]
    [InlineData("1-3", 4, false)]
    [InlineData("1-n", 40, true)]
    [InlineData("2-2n", 4, true)]
    [InlineData("2-2n", 3, false)]
    [InlineData("3-3n", 6, true)]
    public void Parses_value_multiplicity(string vm, int count, bool allowed)
    {
        Assert.True(DicomValueMultiplicity.TryParse(vm, out var parsed));
        Assert.Equal(allowed, parsed.Allows(count));
    }
}
