using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Random strings drawn from each repertoire encode without loss and decode back to themselves.</summary>
public class RoundTripProperties
{
    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    [Property(MaxTest = 200)]
    public Property Default_repertoire_round_trips_text() => RoundTrips([], DicomTextKind.Text, Printable + "\r\n\t\f");

    [Property(MaxTest = 100)]
    public Property Each_single_byte_set_round_trips_person_names() => Prop.ForAll(
        Gen.Elements("ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127", "ISO_IR 126",
            "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166").SelectMany(term =>
            Gen.Elements((Printable + UpperHalf(term)).ToCharArray()).ArrayOf().Select(chars => new[] { term, new string(chars) })).ToArbitrary(),
        sample => RoundTrip([sample[0]], DicomTextKind.PersonName, sample[1]));

    [Property(MaxTest = 200)]
    public Property Jis_x_0201_round_trips_text_with_yen_and_overline() =>
        RoundTrips(["ISO_IR 13"], DicomTextKind.Text, Printable.Replace("\\", "¥").Replace("~", "‾") + UpperHalf("ISO_IR 13") + "\r\n");

    [Property(MaxTest = 200)]
    public Property Japanese_person_names_round_trip_with_romaji_katakana_and_both_kanji_sets() =>
        RoundTrips(["ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"], DicomTextKind.PersonName,
            Printable.Replace("~", "‾") + UpperHalf("ISO_IR 13") + TwoByte("ISO 2022 IR 87") + TwoByte("ISO 2022 IR 159"));

    [Property(MaxTest = 200)]
    public Property Japanese_text_round_trips_with_ascii_and_both_kanji_sets() =>
        RoundTrips(["", "ISO 2022 IR 87", "ISO 2022 IR 159"], DicomTextKind.Text,
            Printable + "\r\n\t" + TwoByte("ISO 2022 IR 87") + TwoByte("ISO 2022 IR 159"));

    [Property(MaxTest = 200)]
    public Property Korean_person_names_round_trip() =>
        RoundTrips(["", "ISO 2022 IR 149"], DicomTextKind.PersonName, Printable + TwoByte("ISO 2022 IR 149"));

    [Property(MaxTest = 200)]
    public Property Chinese_text_round_trips_with_ISO_2022_IR_58() =>
        RoundTrips(["", "ISO 2022 IR 58"], DicomTextKind.Text, Printable + "\r\n" + TwoByte("ISO 2022 IR 58"));

    [Property(MaxTest = 200)]
    public Property Mixed_G0_and_G1_sets_round_trip_in_multi_valued_strings() =>
        RoundTrips(["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 87", "ISO 2022 IR 149", "ISO 2022 IR 58"], DicomTextKind.MultiValued,
            Printable + UpperHalf("ISO_IR 100") + UpperHalf("ISO_IR 144") + Sample(TwoByte("ISO 2022 IR 87")) +
            Sample(TwoByte("ISO 2022 IR 149")) + Sample(TwoByte("ISO 2022 IR 58")));

    [Property(MaxTest = 200)]
    public Property Utf_8_round_trips_any_unicode_scalar_values() => Prop.ForAll(
        Gen.Choose(0x20, 0x10FFFF).Where(cp => cp is < 0xD800 or > 0xDFFF).ArrayOf()
            .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32))).ToArbitrary(),
        text => RoundTrip(["ISO_IR 192"], DicomTextKind.Text, text));

    [Property(MaxTest = 200)]
    public Property Gb18030_round_trips_any_unicode_scalar_values() => Prop.ForAll(
        Gen.Choose(0x20, 0x10FFFF).Where(cp => cp is < 0xD800 or > 0xDFFF).ArrayOf()
            .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32))).ToArbitrary(),
        text => RoundTrip(["GB18030"], DicomTextKind.Text, text));

    [Property(MaxTest = 200)]
    public Property Gbk_round_trips_its_two_byte_repertoire() =>
        RoundTrips(["GBK"], DicomTextKind.PersonName, Printable + GbkRepertoire.Value);

    private static readonly Lazy<string> GbkRepertoire = new(() =>
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["GBK"]);
        var chars = new StringBuilder();
        for (var lead = 0x81; lead <= 0xFE; lead++)
        {
            for (var trail = 0x40; trail <= 0xFE; trail++)
            {
                if (trail != 0x7F && cs.TryDecode([(byte)lead, (byte)trail], DicomTextKind.Text, out var c) && c.Length == 1)
                {
                    chars.Append(c);
                }
            }
        }

        return chars.ToString();
    });

    private static Property RoundTrips(string[] terms, DicomTextKind kind, string repertoire) => Prop.ForAll(
        Gen.Choose(0, repertoire.Length - 1).Select(i => repertoire[i]).ArrayOf().Select(chars => new string(chars)).ToArbitrary(),
        text => RoundTrip(terms, kind, text));

    private static bool RoundTrip(string[] terms, DicomTextKind kind, string text)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(terms, DicomCharacterSetErrorMode.Strict);
        var bytes = cs.Encode(text, kind);
        return cs.Decode(bytes, kind) == text;
    }

    // Every 97th character keeps the mixed repertoire balanced between sets.
    private static string Sample(string chars) => string.Concat(chars.Where((_, i) => i % 97 == 0));

    // FsCheck.Xunit evaluates a parameterless property method once per test case, so repertoires are memoised.
    private static string UpperHalf(string term) => Repertoire.Of(term);

    private static string TwoByte(string term) => Repertoire.Of(term);
}
