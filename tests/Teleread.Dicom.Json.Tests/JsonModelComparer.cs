using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Teleread.Dicom.Json.Tests;

/// <summary>
/// Compares two DICOM JSON documents for the same data set by tags, VRs and values. Normalises ONLY formatting
/// differences the standard leaves open (each listed in docs/dicom-json.md, "Comparing with other readers"):
/// <list type="number">
/// <item>numbers: 1.0 vs 1, and DS/IS written as JSON strings vs numbers, compare as the same double
///   (FL values compare as 32-bit floats: pydicom widens them to the nearest double's digits, we write the shortest float text);</item>
/// <item>strings: leading/trailing spaces and NULs are padding, not value (PS3.5 6.2);</item>
/// <item>an empty value: null vs "" (F.2.5), and "Value": [] vs no "Value";</item>
/// <item>PN: an empty component group written as "" vs left out, and trailing empty components ("^^^^" is an empty group);</item>
/// <item>binary: InlineBinary and BulkDataURI compare by the SHA-256 of the bytes (both sides' URIs name that digest);</item>
/// <item>VR: pydicom's unresolved "US or SS" / "OB or OW" matches either of the VRs it names.</item>
/// </list>
/// </summary>
public sealed class JsonModelComparer
{
    /// <summary>Elements the other tool is known to drop or rewrite; returns the reason, or null to compare.</summary>
    public Func<string, string, string?> Exclusion { get; init; } = (_, _) => null;

    public List<string> Compare(JsonElement theirs, JsonElement ours)
    {
        var differences = new List<string>();
        CompareDataset("", theirs, ours, differences);
        return differences;
    }

    public static string Digest(ReadOnlySpan<byte> bytes) => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))}:{bytes.Length.ToString(CultureInfo.InvariantCulture)}";

    private void CompareDataset(string path, JsonElement theirs, JsonElement ours, List<string> differences)
    {
        var theirKeys = theirs.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var ourKeys = ours.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in theirKeys.Union(ourKeys).Order(StringComparer.Ordinal))
        {
            var at = path + key;
            if (Exclusion(at, key) is not null)
            {
                continue;
            }

            if (!ourKeys.Contains(key))
            {
                differences.Add($"{at}: only theirs has it: {theirs.GetProperty(key)}");
            }
            else if (!theirKeys.Contains(key))
            {
                differences.Add($"{at}: only ours has it: {ours.GetProperty(key)}");
            }
            else
            {
                CompareElement(at, theirs.GetProperty(key), ours.GetProperty(key), differences);
            }
        }
    }

    private void CompareElement(string at, JsonElement theirs, JsonElement ours, List<string> differences)
    {
        var theirVR = theirs.GetProperty("vr").GetString()!;
        var vr = ours.GetProperty("vr").GetString()!;
        if (theirVR != vr && !theirVR.Split(" or ").Contains(vr))
        {
            differences.Add($"{at}: VR {theirVR} vs ours {vr}");
            return;
        }

        var theirBinary = Binary(theirs);
        var ourBinary = Binary(ours);
        if (theirBinary is not null || ourBinary is not null)
        {
            if (theirBinary != ourBinary)
            {
                differences.Add($"{at}: binary {theirBinary} vs ours {ourBinary}");
            }

            return;
        }

        var theirValues = Values(theirs, vr);
        var ourValues = Values(ours, vr);
        if (theirValues.Count != ourValues.Count)
        {
            differences.Add($"{at}: {theirValues.Count} value(s) {Show(theirs)} vs ours {ourValues.Count} {Show(ours)}");
            return;
        }

        for (var i = 0; i < ourValues.Count; i++)
        {
            if (vr == "SQ")
            {
                CompareDataset($"{at}/{i}/", theirValues[i], ourValues[i], differences);
            }
            else if (!SameValue(vr, theirValues[i], ourValues[i]))
            {
                differences.Add($"{at}: value {i} {theirValues[i]} vs ours {ourValues[i]}");
            }
        }
    }

    private static string Show(JsonElement e) => e.TryGetProperty("Value", out var v) ? v.ToString() : "(none)";

    // A PN whose only value is empty ("^^^^") has no value (F.2.5), as dcm2json writes it.
    private static List<JsonElement> Values(JsonElement element, string vr)
    {
        List<JsonElement> values = element.TryGetProperty("Value", out var v) ? [.. v.EnumerateArray()] : [];
        return vr == "PN" && values.Count == 1 && PersonName(values[0]).Length == 0 ? [] : values;
    }

    private static string? Binary(JsonElement element)
    {
        if (element.TryGetProperty("InlineBinary", out var inline))
        {
            return Digest(inline.GetBytesFromBase64());
        }

        return element.TryGetProperty("BulkDataURI", out var uri) ? uri.GetString() : null;
    }

    private static bool SameValue(string vr, JsonElement theirs, JsonElement ours)
    {
        if (vr == "PN")
        {
            // A value of only empty groups ("^^^^") is an empty value, written by some as null.
            return PersonName(theirs) == PersonName(ours);
        }

        var a = Scalar(theirs);
        var b = Scalar(ours);
        if (a is double x && b is double y)
        {
            return vr == "FL" ? (float)x == (float)y : x == y || (double.IsNaN(x) && double.IsNaN(y));
        }

        return Equals(a, b);
    }

    private static object Scalar(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return "";
            case JsonValueKind.Number:
                return e.GetDouble();
            case JsonValueKind.String:
                var s = e.GetString()!.Trim(' ', '\0');
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : s;
            default:
                return e.ToString();
        }
    }

    private static string PersonName(JsonElement e) =>
        e.ValueKind != JsonValueKind.Object
            ? ""
            : string.Join("|", e.EnumerateObject().Where(p => p.Value.GetString()!.TrimEnd(' ', '^').Length > 0).Select(p => p.Name + "=" + p.Value.GetString()!.TrimEnd(' ', '^')));
}
