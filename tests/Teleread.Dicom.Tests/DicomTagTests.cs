namespace Teleread.Dicom.Tests;

public sealed class DicomTagTests
{
    [Theory]
    [InlineData("(0010,0010)")]
    [InlineData("00100010")]
    [InlineData("0010,0010")]
    [InlineData("PatientName")]
    public void Parses_every_notation_of_patient_name(string text) =>
        Assert.Equal(new DicomTag(0x0010, 0x0010), DicomTag.Parse(text));

    [Fact]
    public void Formats_as_group_comma_element_in_upper_hex() =>
        Assert.Equal("(7FE0,0010)", DicomTags.PixelData.ToString());

    [Fact]
    public void Orders_by_group_then_element()
    {
        var tags = new[] { new DicomTag(0x0010, 0x0020), new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0010) };
        Array.Sort(tags);
        Assert.Equal([new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0010), new DicomTag(0x0010, 0x0020)], tags);
    }

    [Fact]
    public void Knows_private_tags_and_private_creators()
    {
        Assert.True(new DicomTag(0x0029, 0x0010).IsPrivateCreator);
        Assert.True(new DicomTag(0x0029, 0x1010).IsPrivate);
        Assert.False(new DicomTag(0x0029, 0x1010).IsPrivateCreator);
        Assert.Equal(new DicomTag(0x0029, 0x0010), new DicomTag(0x0029, 0x1010).PrivateCreatorTag);
        Assert.False(DicomTags.PatientName.IsPrivate);
        Assert.False(new DicomTag(0x0003, 0x0010).IsPrivateCreator);
    }

    [Theory]
    [InlineData("")]
    [InlineData("(0010;0010)")]
    [InlineData("NoSuchKeyword")]
    [InlineData("0010001")]
    public void Rejects_what_is_not_a_tag(string text) => Assert.False(DicomTag.TryParse(text, out _));
}
