using System.Globalization;
using Microsoft.Extensions.Primitives;
using Teleread.Dicom;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// Turns QIDO-RS query parameters (PS3.18 8.3.4: {attributeID}={value}, includefield, fuzzymatching, limit, offset)
/// into a <see cref="DicomWebQuery"/>. An attribute is named by keyword or by its eight hex digits.
/// </summary>
public static class QidoQueryParser
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10000;

    public static DicomWebQuery Parse(DicomWebQueryLevel level, string? studyUid, string? seriesUid, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var matches = new List<DicomWebMatch>();
        var include = new List<DicomTag>();
        var includeAll = false;
        var fuzzy = false;
        var limit = DefaultLimit;
        var offset = 0;
        foreach (var (name, values) in parameters)
        {
            foreach (var value in values)
            {
                var v = value ?? "";
                switch (name.ToLowerInvariant())
                {
                    case "includefield":
                        foreach (var field in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (field.Equals("all", StringComparison.OrdinalIgnoreCase))
                            {
                                includeAll = true;
                            }
                            else
                            {
                                include.Add(ParseAttribute(field));
                            }
                        }

                        break;
                    case "fuzzymatching":
                        fuzzy = ParseBoolean(name, v);
                        break;
                    case "limit":
                        limit = Math.Min(ParseCount(name, v), MaxLimit);
                        break;
                    case "offset":
                        offset = ParseCount(name, v);
                        break;
                    default:
                        matches.Add(ParseMatch(name, v));
                        break;
                }
            }
        }

        return new DicomWebQuery(level, studyUid, seriesUid, matches, include, includeAll, fuzzy, limit, offset);
    }

    /// <summary>{attributeID}: a keyword or tag, or a dot-separated path through sequences to one (PS3.18 8.3.4.1).</summary>
    private static DicomWebMatch ParseMatch(string id, string value)
    {
        var path = id.Split('.').Select(ParseAttribute).ToList();
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (DicomDictionary.DefaultVR(path[i]) != DicomVR.SQ)
            {
                throw DicomWebRequestException.BadRequest($"'{id}': {path[i]} is not a sequence, so nothing can be matched inside it.");
            }
        }

        return new DicomWebMatch(path[^1], value, path.Count > 1 ? path[..^1] : null);
    }

    private static DicomTag ParseAttribute(string id) =>
        DicomTag.TryParse(id, out var tag) ? tag : throw DicomWebRequestException.BadRequest($"'{id}' is neither a DICOM keyword nor a tag.");

    private static bool ParseBoolean(string name, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw DicomWebRequestException.BadRequest($"{name} must be true or false, not '{value}'."),
    };

    private static int ParseCount(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw DicomWebRequestException.BadRequest($"{name} must be a non-negative integer, not '{value}'.");
}
