using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

public class DefinedTermTests
{
    [Theory]
    [InlineData("ISO-IR 100")]
    [InlineData("ISO_IR100")]
    [InlineData("iso_ir 100")]
    [InlineData("ISO IR 100")]
    [InlineData("ISO-8859-1")]
    public void Misspelt_latin_1_terms_are_read_as_ISO_IR_100_with_a_warning(string term)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term]);

        Assert.Equal("Jérôme", cs.Decode([0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], DicomTextKind.PersonName));
        Assert.Contains("ISO_IR 100", Assert.Single(cs.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("UTF8")]
    public void Utf_8_spelt_as_the_IANA_name_is_read_as_ISO_IR_192(string term)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term]);

        Assert.Equal("王", cs.Decode([0xE7, 0x8E, 0x8B], DicomTextKind.PersonName));
        Assert.Single(cs.Warnings);
    }

    [Fact]
    public void Misspelt_ISO_2022_term_is_recognised()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO2022 IR 87"]);

        Assert.Equal("山", cs.Decode([0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42], DicomTextKind.PersonName));
        Assert.Single(cs.Warnings);
    }

    [Fact]
    public void Unknown_first_term_falls_back_to_the_default_repertoire_with_a_warning()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["KLINGON"]);

        Assert.Equal("Doe^John", cs.Decode("Doe^John"u8, DicomTextKind.PersonName));
        Assert.Contains("KLINGON", Assert.Single(cs.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_later_term_is_ignored_and_the_others_still_work()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 999", "ISO 2022 IR 149"]);

        Assert.Equal("홍", cs.Decode([0x1B, 0x24, 0x29, 0x43, 0xC8, 0xAB], DicomTextKind.PersonName));
        Assert.Single(cs.Warnings);
    }

    [Fact]
    public void Strict_mode_throws_for_an_unknown_term()
    {
        var e = Assert.Throws<DicomCharacterSetException>(() =>
            DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 999"], DicomCharacterSetErrorMode.Strict));

        Assert.Contains("ISO_IR 999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Padded_terms_are_exact_matches()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 100 "], DicomCharacterSetErrorMode.Strict);

        Assert.Empty(cs.Warnings);
        Assert.Equal("ISO_IR 100 ", cs.Terms[0]);
    }

    [Fact]
    public void Single_byte_term_without_extensions_in_a_multi_valued_set_is_read_as_its_ISO_2022_form()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 100", "ISO 2022 IR 87"]);

        Assert.Equal("é山", cs.Decode([0xE9, 0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42], DicomTextKind.PersonName));
        Assert.Single(cs.Warnings);
    }

    [Fact]
    public void Utf_8_with_further_values_ignores_them_with_a_warning()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 192", "ISO 2022 IR 87"]);

        Assert.Equal("王", cs.Decode([0xE7, 0x8E, 0x8B], DicomTextKind.PersonName));
        Assert.Single(cs.Warnings);
    }

    [Fact]
    public void Empty_terms_mean_the_default_repertoire()
    {
        Assert.Equal("A", DicomCharacterSet.FromSpecificCharacterSet([""]).Decode("A"u8, DicomTextKind.Text));
        Assert.Empty(DicomCharacterSet.Default.Warnings);
        Assert.Empty(DicomCharacterSet.Default.Terms);
    }
}
