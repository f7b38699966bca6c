using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>
/// The character set examples of PS3.5 (Annexes H, I, J, K), bytes copied from the standard's text
/// (dicom.nema.org/medical/dicom/current/output/chtml/part05/), decoded and re-encoded.
/// </summary>
public class StandardExampleTests
{
    [Fact]
    public void PS3_5_H_3_1_Japanese_person_name_with_ISO_2022_IR_87()
    {
        // Example H.3-1 prints "5/14" for the first '^'; StandardNotation reads it as 05/14.
        var bytes = StandardNotation.Bytes(
            "05/09 06/01 06/13 06/01 06/04 06/01 5/14 05/04 06/01 07/02 06/15 07/05 03/13 01/11 02/04 04/02 03/11 03/03 " +
            "04/05 04/04 01/11 02/08 04/02 05/14 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/02 03/13 01/11 " +
            "02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/02 05/14 01/11 02/04 04/02 02/04 03/15 02/04 " +
            "06/13 02/04 02/06 01/11 02/08 04/02");

        AssertDecodesAndEncodes(["", "ISO 2022 IR 87"], bytes, "Yamada^Tarou=山田^太郎=やまだ^たろう", DicomTextKind.PersonName);
    }

    [Fact]
    public void PS3_5_H_3_2_Japanese_person_name_with_ISO_2022_IR_13_and_ISO_2022_IR_87()
    {
        var bytes = StandardNotation.Bytes(
            "13/04 12/15 12/00 13/14 05/14 12/00 13/11 11/03 03/13 01/11 02/04 04/02 03/11 03/03 04/05 04/04 01/11 02/08 " +
            "04/10 05/14 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/10 03/13 01/11 02/04 04/02 02/04 06/04 " +
            "02/04 05/14 02/04 04/00 01/11 02/08 04/10 05/14 01/11 02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 " +
            "02/08 04/10");

        AssertDecodesAndEncodes(["ISO 2022 IR 13", "ISO 2022 IR 87"], bytes, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", DicomTextKind.PersonName);
    }

    [Fact]
    public void PS3_5_I_2_Korean_person_name_with_ISO_2022_IR_149()
    {
        var bytes = StandardNotation.Bytes(
            "04/08 06/15 06/14 06/07 05/14 04/07 06/09 06/12 06/04 06/15 06/14 06/07 03/13 01/11 02/04 02/09 04/03 15/11 " +
            "15/03 05/14 01/11 02/04 02/09 04/03 13/01 12/14 13/04 13/07 03/13 01/11 02/04 02/09 04/03 12/08 10/11 05/14 " +
            "01/11 02/04 02/09 04/03 11/01 14/06 11/05 11/15");

        AssertDecodesAndEncodes(["", "ISO 2022 IR 149"], bytes, "Hong^Gildong=洪^吉洞=홍^길동", DicomTextKind.PersonName);
    }

    [Fact]
    public void PS3_5_I_3_Korean_long_text_with_designation_at_the_head_of_each_line()
    {
        // Example I.3-1 designates ISO-IR 149 at the start of a line rather than before its first Hangul, so only the
        // decoding is compared; our encoder designates just before the first character that needs it (as in K.3).
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 149"]);
        var hangul = cs.Encode("한글", DicomTextKind.Text)[4..]; // strip our own ESC $ ) C
        byte[] escape = [0x1B, 0x24, 0x29, 0x43];
        var bytes = escape.Concat("The first line includes "u8.ToArray()).Concat(hangul).Concat(".\r\n"u8.ToArray())
            .Concat(escape).Concat("The second line includes "u8.ToArray()).Concat(hangul).Concat(", too.\r\n"u8.ToArray())
            .Concat("The third line"u8.ToArray()).ToArray();
        const string text = "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line";

        Assert.Equal([0xC7, 0xD1, 0xB1, 0xDB], hangul);
        Assert.Equal(text, cs.Decode(bytes, DicomTextKind.Text));
        Assert.Equal(text, cs.Decode(cs.Encode(text, DicomTextKind.Text), DicomTextKind.Text));
    }

    [Fact]
    public void PS3_5_J_1_Chinese_person_name_in_UTF_8()
    {
        // Example J.1-1 (traditional script); the same bytes are Patient's Name of pydicom's chrX1.dcm.
        var bytes = StandardNotation.Bytes(
            "0x57 0x61 0x6e 0x67 0x5e 0x58 0x69 0x61 0x6f 0x44 0x6f 0x6e 0x67 0x3d 0xe7 0x8e 0x8b 0x5e 0xe5 0xb0 0x8f " +
            "0xe6 0x9d 0xb1 0x3d");

        AssertDecodesAndEncodes(["ISO_IR 192"], bytes, "Wang^XiaoDong=王^小東=", DicomTextKind.PersonName);
    }

    [Fact]
    public void PS3_5_J_2_Chinese_long_text_in_UTF_8()
    {
        var bytes = StandardNotation.Bytes(
            "0x54 0x68 0x65 0x20 0x66 0x69 0x72 0x73 0x74 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 " +
            "0x73 0xe4 0xb8 0xad 0xe6 0x96 0x87 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x73 0x65 0x63 0x6f 0x6e 0x64 0x20 0x6c " +
            "0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 0x73 0xe4 0xb8 0xad 0xe6 0x96 0x87 0x2c 0x20 0x74 0x6f " +
            "0x6f 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x74 0x68 0x69 0x72 0x64 0x20 0x6c 0x69 0x6e 0x65 0x2e 0x0d 0x0a");

        AssertDecodesAndEncodes(
            ["ISO_IR 192"], bytes, "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n", DicomTextKind.Text);
    }

    [Theory]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    public void PS3_5_J_3_Chinese_person_name_in_GB18030_and_GBK(string term)
    {
        var bytes = StandardNotation.Bytes(
            "0x57 0x61 0x6e 0x67 0x5e 0x58 0x69 0x61 0x6f 0x44 0x6f 0x6e 0x67 0x3d 0xcd 0xf5 0x5e 0xd0 0xa1 0xb6 0xab 0x3d");

        AssertDecodesAndEncodes([term], bytes, "Wang^XiaoDong=王^小东=", DicomTextKind.PersonName);
    }

    [Theory]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    public void PS3_5_J_4_Chinese_long_text_in_GB18030_and_GBK(string term)
    {
        var bytes = StandardNotation.Bytes(
            "0x54 0x68 0x65 0x20 0x66 0x69 0x72 0x73 0x74 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 0x73 " +
            "0xd6 0xd0 0xce 0xc4 " +
            "0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x73 0x65 0x63 0x6f 0x6e 0x64 0x20 0x6c 0x69 0x6e 0x65 0x20 0x69 0x6e 0x63 0x6c 0x75 0x64 0x65 0x73 " +
            "0xd6 0xd0 0xce 0xc4 " +
            "0x2c 0x20 0x74 0x6f 0x6f 0x2e 0x0d 0x0a 0x54 0x68 0x65 0x20 0x74 0x68 0x69 0x72 0x64 0x20 0x6c 0x69 0x6e 0x65 0x2e 0x0d 0x0a");

        AssertDecodesAndEncodes(
            [term], bytes, "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n", DicomTextKind.Text);
    }

    [Fact]
    public void PS3_5_K_2_Chinese_person_name_with_ISO_2022_IR_58()
    {
        // The final 0x20 is the padding to even length; the value itself ends at the '='.
        var bytes = StandardNotation.Bytes(
            "0x5A 0x68 0x61 0x6E 0x67 0x5E 0x58 0x69 0x61 0x6F 0x44 0x6F 0x6E 0x67 0x3D 0x1B 0x24 0x29 0x41 0xD5 0xC5 0x5E " +
            "0x1B 0x24 0x29 0x41 0xD0 0xA1 0xB6 0xAB 0x3D 0x20");
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 58"]);

        Assert.Equal("Zhang^XiaoDong=张^小东= ", cs.Decode(bytes, DicomTextKind.PersonName));
        Assert.Equal(bytes[..^1], cs.Encode("Zhang^XiaoDong=张^小东=", DicomTextKind.PersonName));
        Assert.Empty(cs.Warnings);
    }

    [Fact]
    public void PS3_5_K_3_Chinese_long_text_with_ISO_2022_IR_58()
    {
        var bytes = StandardNotation.Bytes(
            "0x31 0x2e 0x1B 0x24 0x29 0x41 0xB5 0xDA 0xD2 0xBB 0xD0 0xD0 0xCE 0xC4 0xD7 0xD6 0xA1 0xA3 0x0D 0x0A " +
            "0x32 0x2e 0x1B 0x24 0x29 0x41 0xB5 0xDA 0xB6 0xFE 0xD0 0xD0 0xCE 0xC4 0xD7 0xD6 0xA1 0xA3 0x0D 0x0A " +
            "0x33 0x2e 0x1B 0x24 0x29 0x41 0xB5 0xDA 0xC8 0xFD 0xD0 0xD0 0xCE 0xC4 0xD7 0xD6 0xA1 0xA3 0x0D 0x0A");

        AssertDecodesAndEncodes(["", "ISO 2022 IR 58"], bytes, "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n", DicomTextKind.Text);
    }

    private static void AssertDecodesAndEncodes(string[] terms, byte[] bytes, string text, DicomTextKind kind)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(terms, DicomCharacterSetErrorMode.Strict);

        Assert.Equal(text, cs.Decode(bytes, kind));
        Assert.Equal(bytes, cs.Encode(text, kind));
        Assert.Empty(cs.Warnings);
    }
}
