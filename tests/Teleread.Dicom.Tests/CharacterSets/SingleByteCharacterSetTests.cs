using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

public class SingleByteCharacterSetTests
{
    // One characteristic character per set: its byte and the code point ISO 8859 / TIS 620 assign to it.
    [Theory]
    [InlineData("ISO_IR 100", 0xE9, 'é')]
    [InlineData("ISO_IR 101", 0xA3, 'Ł')]
    [InlineData("ISO_IR 109", 0xA1, 'Ħ')]
    [InlineData("ISO_IR 110", 0xA2, 'ĸ')]
    [InlineData("ISO_IR 144", 0xBB, 'Л')]
    [InlineData("ISO_IR 127", 0xC8, 'ب')]
    [InlineData("ISO_IR 126", 0xC4, 'Δ')]
    [InlineData("ISO_IR 138", 0xF9, 'ש')]
    [InlineData("ISO_IR 148", 0xDD, 'İ')]
    [InlineData("ISO_IR 203", 0xA4, '€')]
    [InlineData("ISO_IR 166", 0xA1, 'ก')]
    [InlineData("ISO_IR 13", 0xB1, 'ｱ')]
    public void Decodes_and_encodes_the_upper_half_of_each_single_byte_set(string term, int code, char expected)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term], DicomCharacterSetErrorMode.Strict);
        byte[] bytes = [(byte)'A', (byte)code, (byte)'^', (byte)'z'];
        var text = "A" + expected + "^z";

        Assert.Equal(text, cs.Decode(bytes, DicomTextKind.PersonName));
        Assert.Equal(bytes, cs.Encode(text, DicomTextKind.PersonName));
    }

    [Theory]
    [InlineData("ISO_IR 100", 28591)]
    [InlineData("ISO_IR 101", 28592)]
    [InlineData("ISO_IR 144", 28595)]
    [InlineData("ISO_IR 148", 28599)]
    [InlineData("ISO_IR 203", 28605)]
    // Not ISO_IR 126: glibc's (and Python's) ISO 8859-7 include the 2003 additions (euro, drachma, ypogegrammeni)
    // that .NET's 28597 lacks; decoding them is harmless.
    public void Iso_8859_sets_agree_with_the_platform_code_page(string term, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var platform = Encoding.GetEncoding(codePage);
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term]);
        var bytes = Enumerable.Range(0xA0, 0x60).Select(b => (byte)b).ToArray();

        Assert.Equal(platform.GetString(bytes), cs.Decode(bytes, DicomTextKind.Text));
    }

    [Fact]
    public void JIS_X_0201_Romaji_reads_05_12_as_YEN_SIGN_and_07_14_as_OVERLINE_in_text()
    {
        // fo-dicom issue #1919: .NET's Japanese code pages read these as '\' and '~'. PS3.5 H.1.1 says YEN and OVERLINE.
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 13"]);
        byte[] bytes = [0x31, 0x30, 0x30, 0x5C, 0x20, 0x7E, 0xB6];

        Assert.Equal("100¥ ‾ｶ", cs.Decode(bytes, DicomTextKind.Text));
        Assert.Equal(bytes, cs.Encode("100¥ ‾ｶ", DicomTextKind.Text));
    }

    [Fact]
    public void JIS_X_0201_Romaji_keeps_05_12_as_the_value_delimiter_in_multi_valued_strings()
    {
        // PS3.5 H.1.1 note 3: in SH, LO, PN and UC 05/12 separates values; Orthanc turns it into '¥' (PEERS.md).
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 13", "ISO 2022 IR 87"]);
        byte[] bytes = [0xB1, 0x5C, 0x31, 0x7E];

        Assert.Equal("ｱ\\1‾", cs.Decode(bytes, DicomTextKind.MultiValued));
        Assert.Equal(bytes, cs.Encode("ｱ\\1‾", DicomTextKind.MultiValued));
    }

    [Fact]
    public void YEN_SIGN_is_not_written_as_a_delimiter_in_a_multi_valued_string()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 13"]);

        Assert.False(cs.TryEncode("¥", DicomTextKind.MultiValued, out var bytes));
        Assert.Equal("?"u8.ToArray(), bytes);
    }

    [Fact]
    public void Unassigned_byte_decodes_as_replacement_character_and_is_reported()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 109"]);

        Assert.False(cs.TryDecode([0x41, 0xA5, 0x42], DicomTextKind.Text, out var text));
        Assert.Equal("A\uFFFDB", text);
    }

    [Fact]
    public void Strict_mode_throws_on_an_unassigned_byte()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 109"], DicomCharacterSetErrorMode.Strict);

        var e = Assert.Throws<DicomCharacterSetException>(() => cs.Decode([0x41, 0xA5], DicomTextKind.Text));
        Assert.Contains("offset 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_throws_on_a_character_outside_the_repertoire()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 100"], DicomCharacterSetErrorMode.Strict);

        Assert.Throws<DicomCharacterSetException>(() => cs.Encode("Ж", DicomTextKind.Text));
    }

    [Fact]
    public void Default_repertoire_reads_stray_high_bytes_as_latin_1_and_reports_them()
    {
        // Files without (0008,0005) often hold Latin-1; pydicom reads them the same way.
        Assert.False(DicomCharacterSet.Default.TryDecode([0x4A, 0xE9], DicomTextKind.PersonName, out var text));
        Assert.Equal("Jé", text);
    }

    [Fact]
    public void Utf_8_invalid_bytes_decode_as_replacement_character()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 192"]);

        Assert.False(cs.TryDecode([0x41, 0xC3, 0x28], DicomTextKind.Text, out var text));
        Assert.Equal("A\uFFFD(", text);
    }
}
