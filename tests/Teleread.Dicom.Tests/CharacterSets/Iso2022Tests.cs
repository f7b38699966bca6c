using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

public class Iso2022Tests
{
    private static readonly DicomCharacterSet Japanese = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87", "ISO 2022 IR 159"]);

    [Fact]
    public void Supplementary_kanji_use_ISO_2022_IR_159()
    {
        // pydicom issue #917: 鷗 (U+9DD7) is in JIS X 0212 only, at 0x6C3F (EUC-JP 0x8F 0xEC 0xBF).
        byte[] bytes = [0x1B, 0x24, 0x28, 0x44, 0x6C, 0x3F, 0x1B, 0x28, 0x42];

        Assert.Equal("鷗", Japanese.Decode(bytes, DicomTextKind.PersonName));
        Assert.Equal(bytes, Japanese.Encode("鷗", DicomTextKind.PersonName));
    }

    [Fact]
    public void Switches_between_JIS_X_0208_and_JIS_X_0212_within_a_component()
    {
        // 森鷗外: 森 and 外 in JIS X 0208, 鷗 in JIS X 0212.
        var bytes = Japanese.Encode("森鷗外", DicomTextKind.PersonName);

        Assert.Equal(
            [0x1B, 0x24, 0x42, 0x3F, 0x39, 0x1B, 0x24, 0x28, 0x44, 0x6C, 0x3F, 0x1B, 0x24, 0x42, 0x33, 0x30, 0x1B, 0x28, 0x42],
            bytes);
        Assert.Equal("森鷗外", Japanese.Decode(bytes, DicomTextKind.PersonName));
    }

    [Theory]
    [InlineData(DicomTextKind.PersonName, "^", true)]
    [InlineData(DicomTextKind.PersonName, "=", true)]
    [InlineData(DicomTextKind.PersonName, "\\", true)]
    [InlineData(DicomTextKind.MultiValued, "\\", true)]
    [InlineData(DicomTextKind.MultiValued, "^", false)]
    [InlineData(DicomTextKind.Text, "\r\n", true)]
    [InlineData(DicomTextKind.Text, "\t", true)]
    [InlineData(DicomTextKind.Text, "\f", true)]
    [InlineData(DicomTextKind.Text, "\\", false)]
    public void Decoder_returns_to_the_initial_set_at_the_delimiters_of_the_value_kind(DicomTextKind kind, string delimiter, bool resets)
    {
        // ESC - L designates Cyrillic to G1; after the delimiter 0xB6 is Latin-1 '¶' again only if the state was reset.
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 144"], DicomCharacterSetErrorMode.Strict);
        var bytes = new byte[] { 0x1B, 0x2D, 0x4C, 0xB6 }.Concat(delimiter.Select(c => (byte)c)).Append((byte)0xB6).ToArray();

        Assert.Equal("Ж" + delimiter + (resets ? "¶" : "Ж"), cs.Decode(bytes, kind));
    }

    [Fact]
    public void Encoder_returns_to_the_initial_set_before_each_line_end_in_text()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        var bytes = cs.Encode("山\r\n田", DicomTextKind.Text);

        Assert.Equal([0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42, 0x0D, 0x0A, 0x1B, 0x24, 0x42, 0x45, 0x44, 0x1B, 0x28, 0x42], bytes);
    }

    [Fact]
    public void A_05_12_byte_inside_a_two_byte_character_is_not_a_delimiter()
    {
        // JIS X 0208 0x215C is FULLWIDTH PLUS SIGN; its second byte is 05/12 (PS3.5 6.1.2.3).
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);
        byte[] bytes = [0x1B, 0x24, 0x42, 0x21, 0x5C, 0x1B, 0x28, 0x42, 0x5C, 0x41];

        Assert.Equal("＋\\A", cs.Decode(bytes, DicomTextKind.MultiValued));
        Assert.Equal(bytes, cs.Encode("＋\\A", DicomTextKind.MultiValued));
    }

    [Fact]
    public void A_space_between_kanji_is_written_in_ISO_IR_6_as_pydicom_writes_it()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        // pydicom 2.3: encode_string('山 田', ['iso8859', 'iso2022_jp']) gives the same bytes.
        Assert.Equal([0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42, 0x20, 0x1B, 0x24, 0x42, 0x45, 0x44, 0x1B, 0x28, 0x42], cs.Encode("山 田", DicomTextKind.PersonName));
    }

    [Fact]
    public void Half_width_katakana_after_kanji_returns_G0_to_romaji_first()
    {
        // ESC ( J before 0xB1 is not required by ISO 2022, but fragment-wise decoders (pydicom) need it.
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 13", "ISO 2022 IR 87"]);

        var bytes = cs.Encode("山ｱ", DicomTextKind.PersonName);

        Assert.Equal([0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x4A, 0xB1], bytes);
        Assert.Equal("山ｱ", cs.Decode([0x1B, 0x24, 0x42, 0x3B, 0x33, 0xB1], DicomTextKind.PersonName));
    }

    [Fact]
    public void A_space_inside_a_kanji_run_is_read_as_space()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.Equal("山 田", cs.Decode([0x1B, 0x24, 0x42, 0x3B, 0x33, 0x20, 0x45, 0x44], DicomTextKind.PersonName));
    }

    [Fact]
    public void A_delimiter_the_writer_left_in_the_kanji_set_still_delimits_when_no_character_can_start_there()
    {
        // "ESC $ B 山田 ^ ESC $ B 太郎" without ESC ( B before '^' (dcm4che #976): 0x5E cannot start a character here.
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);
        byte[] bytes = [0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x5E, 0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42];

        Assert.Equal("山田^太郎", cs.Decode(bytes, DicomTextKind.PersonName));
    }

    [Fact]
    public void Trailing_padding_after_kanji_is_kept_as_space_not_garbage()
    {
        // dcm4che issue #263: a value ending in kanji padded with 0x20 must not gain a replacement character.
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 6", "ISO 2022 IR 87"]);

        Assert.True(cs.TryDecode([0x1B, 0x24, 0x42, 0x40, 0x62, 0x20], DicomTextKind.Text, out var text));
        Assert.Equal("説 ", text);
    }

    [Fact]
    public void Legacy_JIS_C_6226_1978_designation_is_read_as_JIS_X_0208()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.Equal("山", cs.Decode([0x1B, 0x24, 0x40, 0x3B, 0x33, 0x1B, 0x28, 0x42], DicomTextKind.PersonName));
    }

    [Fact]
    public void Unknown_escape_sequence_is_replaced_and_reported()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.False(cs.TryDecode([0x41, 0x1B, 0x28, 0x5A, 0x42], DicomTextKind.PersonName, out var text));
        Assert.Equal("A\uFFFDB", text);
    }

    [Fact]
    public void Truncated_escape_sequence_and_truncated_two_byte_character_do_not_throw_in_lenient_mode()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87", "ISO 2022 IR 149"]);

        Assert.False(cs.TryDecode([0x41, 0x1B, 0x24], DicomTextKind.PersonName, out var a));
        Assert.False(cs.TryDecode([0x1B, 0x24, 0x42, 0x3B], DicomTextKind.PersonName, out var b));
        Assert.False(cs.TryDecode([0x1B, 0x24, 0x29, 0x43, 0xB0], DicomTextKind.PersonName, out var c));
        Assert.Equal("A\uFFFD", a);
        Assert.Equal("\uFFFD", b);
        Assert.Equal("\uFFFD", c);
    }

    [Fact]
    public void Korean_bytes_without_their_escape_sequence_fall_back_to_the_declared_G1_set()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 149"]);

        Assert.False(cs.TryDecode([0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF], DicomTextKind.PersonName, out var text));
        Assert.Equal("홍길동", text);
    }

    [Fact]
    public void Strict_mode_rejects_a_designation_of_an_undeclared_set()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"], DicomCharacterSetErrorMode.Strict);

        Assert.Throws<DicomCharacterSetException>(() => cs.Decode([0x1B, 0x24, 0x29, 0x43, 0xC8, 0xAB], DicomTextKind.PersonName));
    }

    [Fact]
    public void Latin_1_and_Cyrillic_share_G1_by_switching_designations()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 144"], DicomCharacterSetErrorMode.Strict);

        var bytes = cs.Encode("é Ж é", DicomTextKind.Text);

        // é in Latin-1 (initial G1); ESC - L designates Cyrillic; ESC - A designates Latin-1 again; nothing at the end.
        Assert.Equal([0xE9, 0x20, 0x1B, 0x2D, 0x4C, 0xB6, 0x20, 0x1B, 0x2D, 0x41, 0xE9], bytes);
        Assert.Equal("é Ж é", cs.Decode(bytes, DicomTextKind.Text));
    }

    [Fact]
    public void Encoder_restores_the_initial_G1_set_before_a_delimiter()
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 144"]);

        var bytes = cs.Encode("Ж^é", DicomTextKind.PersonName);

        Assert.Equal([0x1B, 0x2D, 0x4C, 0xB6, 0x1B, 0x2D, 0x41, 0x5E, 0xE9], bytes);
    }
}
