using System.Globalization;

namespace Teleread.Dicom.Validation;

/// <summary>
/// Value-level checks of PS3.5 6.2 for one element: length per value, allowed characters of AE, AS, CS, DA, DS, DT, IS, TM, UI,
/// calendar validity of dates and times, and the value multiplicity against the data dictionary (PS3.6).
/// </summary>
public static class DicomValueChecker
{
    public const string ModuleName = "VR";

    /// <summary>Messages for every problem of the element's value; empty when it is fine (or not checkable: binary, bulk data, unknown private).</summary>
    public static IEnumerable<string> Check(DicomElement element, DicomDataset owner)
    {
        if (element.IsBulkData || element.Length == 0)
        {
            yield break;
        }

        var vr = element.VR;
        var countable = vr.Kind != DicomVRKind.Binary || vr.MaxLength > 0;
        if (countable && !element.Tag.IsPrivate && !element.Tag.IsGroupLength && DicomDictionary.Find(element.Tag) is { } entry
            && entry.ValueRepresentations.Contains(vr) && DicomValueMultiplicity.TryParse(entry.ValueMultiplicity, out var vm))
        {
            var count = element.GetCount(owner.CharacterSet);
            if (!vm.Allows(count))
            {
                yield return $"value multiplicity {count} does not match VM {entry.ValueMultiplicity} of the dictionary";
            }
        }

        if (!vr.IsString)
        {
            yield break;
        }

        string[] values;
        try
        {
            values = vr.IsSingleValuedText ? [element.GetString(owner.CharacterSet)] : element.GetStrings(owner.CharacterSet);
        }
        catch (Exception ex) when (ex is DicomDataException or System.Text.DecoderFallbackException or ArgumentException)
        {
            values = [];
        }

        foreach (var value in values)
        {
            if (vr.MaxLength > 0 && value.Length > vr.MaxLength)
            {
                yield return $"value '{Shorten(value)}' is {value.Length} characters long, more than the {vr.MaxLength} allowed for {vr.Code}";
            }

            if (value.Length > 0 && CheckCharacters(vr, value) is { } problem)
            {
                yield return $"value '{Shorten(value)}' is not a valid {vr.Code}: {problem}";
            }
        }
    }

    /// <summary>Null when <paramref name="value"/> (one value, padding removed) is well-formed for <paramref name="vr"/>, else why not.</summary>
    public static string? CheckCharacters(DicomVR vr, string value) => vr.Code switch
    {
        "AE" => CheckAe(value),
        "AS" => value.Length == 4 && value[..3].All(char.IsAsciiDigit) && value[3] is 'D' or 'W' or 'M' or 'Y' ? null : "expected nnnD, nnnW, nnnM or nnnY",
        "CS" => value.FirstOrDefault(c => !(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ' ' or '_')) is var bad && bad != default
            ? $"character '{bad}' is not allowed (only A-Z, 0-9, space and _)"
            : null,
        "DA" => CheckDate(value),
        "TM" => CheckTime(value),
        "DT" => CheckDateTime(value),
        "UI" => CheckUid(value),
        "IS" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= int.MinValue and <= int.MaxValue
            ? null
            : "not an integer in the range of a signed 32-bit number",
        "DS" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? null : "not a decimal number",
        _ => null,
    };

    private static string? CheckAe(string value)
    {
        if (value.Any(c => char.IsControl(c) || c == '\\'))
        {
            return "control characters and backslash are not allowed";
        }

        return string.IsNullOrWhiteSpace(value) ? "only spaces" : null;
    }

    private static string? CheckDate(string value)
    {
        if (value.Length != 8 || !value.All(char.IsAsciiDigit))
        {
            return "expected YYYYMMDD";
        }

        return DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "not a calendar date";
    }

    private static string? CheckTime(string value)
    {
        var dot = value.IndexOf('.');
        var main = dot >= 0 ? value[..dot] : value;
        var fraction = dot >= 0 ? value[(dot + 1)..] : "";
        if (main.Length is not (2 or 4 or 6) || !main.All(char.IsAsciiDigit) || (dot >= 0 && (main.Length != 6 || fraction.Length is 0 or > 6 || !fraction.All(char.IsAsciiDigit))))
        {
            return "expected HH[MM[SS[.FFFFFF]]]";
        }

        var hh = int.Parse(main[..2], CultureInfo.InvariantCulture);
        var mm = main.Length >= 4 ? int.Parse(main[2..4], CultureInfo.InvariantCulture) : 0;
        var ss = main.Length >= 6 ? int.Parse(main[4..6], CultureInfo.InvariantCulture) : 0;
        return hh <= 23 && mm <= 59 && ss <= 60 ? null : "hour, minute or second out of range";
    }

    private static string? CheckDateTime(string value)
    {
        var zone = value.IndexOfAny(['+', '-'], 4);
        var main = zone >= 0 ? value[..zone] : value;
        if (zone >= 0 && (value.Length - zone != 5 || !value[(zone + 1)..].All(char.IsAsciiDigit)))
        {
            return "offset must be &ZZXX";
        }

        var dot = main.IndexOf('.');
        var digits = dot >= 0 ? main[..dot] : main;
        if (digits.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !digits.All(char.IsAsciiDigit)
            || (dot >= 0 && (digits.Length != 14 || main.Length - dot - 1 is 0 or > 6 || !main[(dot + 1)..].All(char.IsAsciiDigit))))
        {
            return "expected YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]";
        }

        if (digits.Length >= 8 && CheckDate(digits[..8]) is { } dateProblem)
        {
            return dateProblem;
        }

        return digits.Length > 8 ? CheckTime(main[8..]) : null;
    }

    private static string? CheckUid(string value)
    {
        if (value.Length > 64)
        {
            return "longer than 64 characters";
        }

        foreach (var component in value.Split('.'))
        {
            if (component.Length == 0)
            {
                return "empty component";
            }

            if (!component.All(char.IsAsciiDigit))
            {
                return "only digits and '.' are allowed";
            }

            if (component.Length > 1 && component[0] == '0')
            {
                return $"component '{component}' has a leading zero";
            }
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
