namespace Teleread.Dicom.Tests;

public sealed class DicomVRTests
{
    [Fact]
    public void Has_all_34_value_representations_of_the_current_standard()
    {
        Assert.Equal(34, DicomVR.All.Count);
        Assert.Equal(34, DicomVR.All.Select(v => v.Code).Distinct().Count());
        foreach (var vr in DicomVR.All)
        {
            Assert.Same(vr, DicomVR.Parse(vr.Code));
        }
    }

    [Theory]
    [InlineData("OB")]
    [InlineData("OD")]
    [InlineData("OF")]
    [InlineData("OL")]
    [InlineData("OV")]
    [InlineData("OW")]
    [InlineData("SQ")]
    [InlineData("SV")]
    [InlineData("UC")]
    [InlineData("UN")]
    [InlineData("UR")]
    [InlineData("UT")]
    [InlineData("UV")]
    public void Uses_the_32_bit_length_form_per_table_7_1_1(string code) => Assert.True(DicomVR.Parse(code).HasLongExplicitLength);

    [Fact]
    public void Uses_the_16_bit_length_form_for_the_other_21()
    {
        Assert.Equal(21, DicomVR.All.Count(v => !v.HasLongExplicitLength));
    }

    [Fact]
    public void Pads_text_with_space_and_UI_and_binary_with_zero()
    {
        Assert.Equal((byte)' ', DicomVR.PN.PaddingByte);
        Assert.Equal((byte)0, DicomVR.UI.PaddingByte);
        Assert.Equal((byte)0, DicomVR.OB.PaddingByte);
    }

    [Fact]
    public void Only_SH_LO_UC_ST_LT_UT_and_PN_follow_the_specific_character_set() =>
        Assert.Equal(["LO", "LT", "PN", "SH", "ST", "UC", "UT"], DicomVR.All.Where(v => v.IsAffectedBySpecificCharacterSet).Select(v => v.Code).Order());

    [Fact]
    public void Rejects_bytes_that_are_not_a_vr() => Assert.False(DicomVR.TryParse(0, 0, out _));
}
