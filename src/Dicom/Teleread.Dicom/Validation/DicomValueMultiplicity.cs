using System.Globalization;

namespace Teleread.Dicom.Validation;

/// <summary>A Value Multiplicity as PS3.6 writes it ("1", "1-3", "1-n", "2-2n"), parsed for checking a count of values.</summary>
public readonly record struct DicomValueMultiplicity(int Minimum, int? Maximum, int Step)
{
    public bool Allows(int count) =>
        count >= Minimum && (Maximum is null || count <= Maximum) && (Step <= 1 || count % Step == 0);

    public static bool TryParse(string text, out DicomValueMultiplicity vm)
    {
        vm = default;
        var parts = text.Split('-', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            vm = new DicomValueMultiplicity(min, min, 1);
            return true;
        }

        var upper = parts[1];
        if (upper.EndsWith('n'))
        {
            var step = upper.Length == 1 ? 1 : int.TryParse(upper[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            vm = new DicomValueMultiplicity(min, null, step);
            return step > 0;
        }

        if (!int.TryParse(upper, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            return false;
        }

        vm = new DicomValueMultiplicity(min, max, 1);
        return true;
    }
}
