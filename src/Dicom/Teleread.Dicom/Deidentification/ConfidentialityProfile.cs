using System.Collections.Frozen;
using System.Globalization;

namespace Teleread.Dicom.Deidentification;

/// <summary>Table E.1-1 parsed from <see cref="ConfidentialityProfileTable"/>: lookup by tag, including the 50xx and 60xx repeating groups.</summary>
public static class ConfidentialityProfile
{
    private static readonly Lazy<Tables> Data = new(Parse);

    public static string StandardVersion => ConfidentialityProfileTable.StandardVersion;

    public static IReadOnlyCollection<ConfidentialityProfileRule> Rules => Data.Value.All;

    /// <summary>The row for private attributes (odd groups).</summary>
    public static ConfidentialityProfileRule PrivateAttributes => Data.Value.Private;

    /// <summary>The row for a public tag, or null when Table E.1-1 does not list it.</summary>
    public static ConfidentialityProfileRule? Find(DicomTag tag)
    {
        var t = Data.Value;
        if (t.Exact.TryGetValue(tag.Value, out var rule))
        {
            return rule;
        }

        var group = tag.Group & 0xFF00;
        var repeatingKey = group switch
        {
            0x5000 => "50xxxxxx",
            0x6000 when (tag.Group & 1) == 0 => string.Create(CultureInfo.InvariantCulture, $"60xx{tag.Element:X4}"),
            _ => null,
        };
        return repeatingKey is not null && t.Repeating.TryGetValue(repeatingKey, out rule) ? rule : null;
    }

    private static Tables Parse()
    {
        var all = new List<ConfidentialityProfileRule>();
        var exact = new Dictionary<uint, ConfidentialityProfileRule>();
        var repeating = new Dictionary<string, ConfidentialityProfileRule>(StringComparer.Ordinal);
        ConfidentialityProfileRule? priv = null;
        foreach (var raw in ConfidentialityProfileTable.Rows.Split('\n'))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var options = parts.Skip(2).ToDictionary(p => p[0], p => p[2]);
            var rule = new ConfidentialityProfileRule(parts[0], parts[1], options);
            all.Add(rule);
            if (rule.Key == "private")
            {
                priv = rule;
            }
            else if (rule.Key.Contains('x', StringComparison.Ordinal))
            {
                repeating.Add(rule.Key, rule);
            }
            else
            {
                exact.Add(uint.Parse(rule.Key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), rule);
            }
        }

        return new Tables(all, exact.ToFrozenDictionary(), repeating.ToFrozenDictionary(StringComparer.Ordinal),
            priv ?? throw new InvalidOperationException("Table E.1-1 has no private attributes row."));
    }

    private sealed record Tables(
        List<ConfidentialityProfileRule> All,
        FrozenDictionary<uint, ConfidentialityProfileRule> Exact,
        FrozenDictionary<string, ConfidentialityProfileRule> Repeating,
        ConfidentialityProfileRule Private);
}
