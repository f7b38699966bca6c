using System.Text.RegularExpressions;

namespace Teleread.DictionaryGenerator;

/// <summary>Reads the Python dict literals of pydicom's generated _dicom_dict.py and _uid_dict.py (tuples of quoted strings).</summary>
public static partial class PydicomDictParser
{
    [GeneratedRegex("""^\s*(?:0x(?<hex>[0-9A-Fa-f]{8})|'(?<key>[^']*)'):\s*\((?<body>.*)\),\s*(?:#.*)?$""")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'|""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringPattern();

    /// <summary>Key (hex tag, mask or UID) → tuple fields.</summary>
    public static List<(string Key, string[] Fields)> Parse(string text)
    {
        var result = new List<(string, string[])>();
        foreach (var line in text.Split('\n'))
        {
            var m = EntryPattern().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var key = m.Groups["hex"].Success ? m.Groups["hex"].Value.ToUpperInvariant() : m.Groups["key"].Value;
            var fields = StringPattern().Matches(m.Groups["body"].Value)
                .Select(f => Unescape(f.Groups[1].Success ? f.Groups[1].Value : f.Groups[2].Value))
                .ToArray();
            result.Add((key, fields));
        }

        return result;
    }

    private static string Unescape(string s) => s.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
}
