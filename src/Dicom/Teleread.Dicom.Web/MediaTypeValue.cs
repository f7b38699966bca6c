using System.Globalization;

namespace Teleread.Dicom.Web;

/// <summary>One media type with its parameters (RFC 9110 8.3.1), e.g. <c>multipart/related; type="application/dicom"; boundary=x</c>.</summary>
public sealed record MediaTypeValue(string MediaType, IReadOnlyDictionary<string, string> Parameters, double Quality)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    public bool Is(string mediaType) => string.Equals(MediaType, mediaType, StringComparison.OrdinalIgnoreCase);

    public static MediaTypeValue Parse(string value)
    {
        var parts = SplitOutsideQuotes(value, ';');
        var type = parts[0].Trim().ToLowerInvariant();
        if (type.Length == 0 || !type.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}' is not a media type.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var q = 1.0;
        foreach (var p in parts.Skip(1))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = p[..eq].Trim();
            var v = p[(eq + 1)..].Trim();
            if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
            {
                v = v[1..^1];
            }

            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                q = double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 0, 1) : 0;
            }
            else
            {
                parameters[name] = v;
            }
        }

        return new MediaTypeValue(type, parameters, q);
    }

    /// <summary>An Accept header's media ranges, best first (quality, then order). Empty means anything.</summary>
    public static IReadOnlyList<MediaTypeValue> ParseAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return [];
        }

        return SplitOutsideQuotes(accept, ',').Where(s => s.Trim().Length > 0).Select(s => Parse(s))
            .Select((m, i) => (m, i)).OrderByDescending(x => x.m.Quality).ThenBy(x => x.i).Select(x => x.m)
            .Where(m => m.Quality > 0).ToList();
    }

    private static List<string> SplitOutsideQuotes(string s, char separator)
    {
        var result = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '"')
            {
                quoted = !quoted;
            }
            else if (s[i] == separator && !quoted)
            {
                result.Add(s[start..i]);
                start = i + 1;
            }
        }

        result.Add(s[start..]);
        return result;
    }
}
