using System.Globalization;

namespace Teleread.Dicom.Json;

/// <summary>
/// The rule for DS and IS values in JSON (documented in docs/dicom-json.md): a value whose text is already a JSON number
/// (e.g. "1.0", "-5", "2.5e-3") is written as that number with its digits unchanged, so reading it back gives the same
/// DICOM string; any other text ("+1", ".5", "007", "1.", "abc") is written as a JSON string so nothing is lost.
/// </summary>
internal static class DicomNumericString
{
    public static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        return i == s.Length && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
    }

    /// <summary>A DS value within its 16 characters, as precise as fits (for numbers that arrive longer than DS allows).</summary>
    public static string FormatDecimal(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        for (var precision = 15; s.Length > 16 && precision > 1; precision--)
        {
            s = d.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return s;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > start;
    }
}
