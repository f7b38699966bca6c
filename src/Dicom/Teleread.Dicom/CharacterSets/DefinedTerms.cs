using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Teleread.Dicom.CharacterSets;

/// <summary>The Defined Terms of PS3.3 C.12.1.1.2 and the lenient reading of their common misspellings.</summary>
internal static partial class DefinedTerms
{
    // ISO-IR number -> (G1 element of the single-byte term; G0 is ISO-IR 6 except for ISO-IR 13).
    private static readonly (int Number, CodeElement G1)[] SingleByteSets =
    [
        (100, CodeElements.Latin1), (101, CodeElements.Latin2), (109, CodeElements.Latin3), (110, CodeElements.Latin4),
        (144, CodeElements.Cyrillic), (127, CodeElements.Arabic), (126, CodeElements.Greek), (138, CodeElements.Hebrew),
        (148, CodeElements.Latin5), (203, CodeElements.Latin9), (13, CodeElements.JisX0201Katakana), (166, CodeElements.Thai),
    ];

    private static readonly Dictionary<string, DefinedTerm> ByTerm = Build();

    public static DefinedTerm? Find(string term) => ByTerm.GetValueOrDefault(term);

    /// <summary>
    /// Maps a misspelt term to the Defined Term it most likely means ("ISO-IR 100", "ISO_IR100", "iso 2022 ir 87",
    /// "UTF-8", "ISO-8859-1"), or null if it is not recognisable. Exact Defined Terms are returned unchanged.
    /// </summary>
    public static DefinedTerm? FindLenient(string term)
    {
        if (Find(term) is { } exact)
        {
            return exact;
        }

        var upper = term.Trim().ToUpperInvariant();
        if (Find(upper) is { } cased)
        {
            return cased;
        }

        if (Iso2022Spelling().Match(upper) is { Success: true } iso2022)
        {
            return Find("ISO 2022 IR " + Number(iso2022));
        }

        if (IsoIrSpelling().Match(upper) is { Success: true } isoIr)
        {
            var number = Number(isoIr);
            return number == "6" ? Find("ISO 2022 IR 6") : Find("ISO_IR " + number) ?? Find("ISO 2022 IR " + number);
        }

        if (Iso8859Spelling().Match(upper) is { Success: true } iso8859)
        {
            var ir = Number(iso8859) switch
            {
                "1" => 100, "2" => 101, "3" => 109, "4" => 110, "5" => 144, "6" => 127, "7" => 126, "8" => 138,
                "9" => 148, "15" => 203, "11" => 166, _ => 0,
            };
            return ir == 0 ? null : Find("ISO_IR " + ir.ToString(CultureInfo.InvariantCulture));
        }

        return upper switch
        {
            "UTF-8" or "UTF8" or "ISO_IR_192" or "ISO IR 192" => Find("ISO_IR 192"),
            "GB 18030" or "GB-18030" => Find("GB18030"),
            "GB2312" or "GB 2312" or "EUC-CN" => Find("ISO 2022 IR 58"),
            "KS X 1001" or "KSC5601" or "EUC-KR" => Find("ISO 2022 IR 149"),
            "LATIN1" or "LATIN-1" => Find("ISO_IR 100"),
            "ASCII" or "US-ASCII" => Find("ISO 2022 IR 6"),
            _ => null,
        };
    }

    private static string Number(Match match) => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^ISO[\s_-]*2022[\s_-]*IR[\s_-]*(\d{1,3})$")]
    private static partial Regex Iso2022Spelling();

    [GeneratedRegex(@"^ISO[\s_-]*IR[\s_-]*(\d{1,3})$")]
    private static partial Regex IsoIrSpelling();

    [GeneratedRegex(@"^ISO[\s_-]*8859[\s_-]*(\d{1,2})$")]
    private static partial Regex Iso8859Spelling();

    private static Dictionary<string, DefinedTerm> Build()
    {
        var terms = new List<DefinedTerm>
        {
            new("ISO 2022 IR 6", DefinedTermKind.SingleByteWithExtensions, CodeElements.Ascii, null, null),
            new("ISO 2022 IR 87", DefinedTermKind.MultiByteWithExtensions, CodeElements.JisX0208, null, null),
            new("ISO 2022 IR 159", DefinedTermKind.MultiByteWithExtensions, CodeElements.JisX0212, null, null),
            new("ISO 2022 IR 149", DefinedTermKind.MultiByteWithExtensions, null, CodeElements.KsX1001, null),
            new("ISO 2022 IR 58", DefinedTermKind.MultiByteWithExtensions, null, CodeElements.Gb2312, null),
            new("ISO_IR 192", DefinedTermKind.MultiByteWithoutExtensions, null, null, static () => new UTF8Encoding(false)),
            new("GB18030", DefinedTermKind.MultiByteWithoutExtensions, null, null, static () => CodePages.Get(54936)),
            new("GBK", DefinedTermKind.MultiByteWithoutExtensions, null, null, static () => CodePages.Get(936)),
        };
        foreach (var (number, g1) in SingleByteSets)
        {
            var g0 = number == 13 ? CodeElements.JisX0201Romaji : CodeElements.Ascii;
            var n = number.ToString(CultureInfo.InvariantCulture);
            terms.Add(new("ISO_IR " + n, DefinedTermKind.SingleByteWithoutExtensions, g0, g1, null));
            terms.Add(new("ISO 2022 IR " + n, DefinedTermKind.SingleByteWithExtensions, g0, g1, null));
        }

        return terms.ToDictionary(t => t.Term, StringComparer.Ordinal);
    }
}
