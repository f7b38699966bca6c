using System.Globalization;
using System.Text.RegularExpressions;

namespace Teleread.DictionaryGenerator;

/// <summary>Parses DCMTK's dicom.dic / private.dic format: tab-separated Tag, VR, Name, VM, Version.</summary>
public static partial class DicFileParser
{
    [GeneratedRegex("""^\((?<g1>[0-9A-Fa-f]{4})(?:-(?<gp>[ou]-)?(?<g2>[0-9A-Fa-f]{4}))?,(?:"(?<creator>[^"]*)",)?(?<e1>[0-9A-Fa-f]{2,4})(?:-(?<ep>[ou]-)?(?<e2>[0-9A-Fa-f]{4}))?\)$""")]
    private static partial Regex TagPattern();

    public static List<DicRecord> Parse(string text)
    {
        var records = new List<DicRecord>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                throw new FormatException($"Unexpected dictionary line: {line}");
            }

            var m = TagPattern().Match(fields[0]);
            if (!m.Success)
            {
                throw new FormatException($"Unexpected tag field: {fields[0]}");
            }

            var g1 = Hex(m.Groups["g1"].Value);
            var g2 = m.Groups["g2"].Success ? Hex(m.Groups["g2"].Value) : g1;
            var e1 = Hex(m.Groups["e1"].Value);
            var e2 = m.Groups["e2"].Success ? Hex(m.Groups["e2"].Value) : e1;
            records.Add(new DicRecord(
                g1, g2, Parity(m.Groups["gp"]), e1, e2, Parity(m.Groups["ep"]),
                m.Groups["creator"].Success ? m.Groups["creator"].Value : null,
                fields[1], fields[2], fields[3], fields.Length > 4 ? fields[4] : ""));
        }

        return records;
    }

    private static TagParity Parity(Group g) => !g.Success ? TagParity.Even : g.Value[0] == 'o' ? TagParity.Odd : TagParity.Any;

    private static ushort Hex(string s) => ushort.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
