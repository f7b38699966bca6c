namespace Teleread.Dicom;

/// <summary>
/// A PN value (PS3.5 6.2.1): up to three component groups (alphabetic, ideographic, phonetic) separated by '=',
/// each of five components separated by '^': family, given, middle, prefix, suffix.
/// </summary>
public readonly record struct DicomPersonName(DicomPersonNameGroup Alphabetic, DicomPersonNameGroup Ideographic, DicomPersonNameGroup Phonetic)
{
    public static DicomPersonName Parse(string value)
    {
        var groups = value.Split('=');
        return new DicomPersonName(
            DicomPersonNameGroup.Parse(groups.Length > 0 ? groups[0] : ""),
            DicomPersonNameGroup.Parse(groups.Length > 1 ? groups[1] : ""),
            DicomPersonNameGroup.Parse(groups.Length > 2 ? groups[2] : ""));
    }

    /// <summary>The PN encoding with trailing empty groups and components removed.</summary>
    public override string ToString()
    {
        var groups = new[] { Alphabetic.ToString(), Ideographic.ToString(), Phonetic.ToString() };
        var last = groups.Length - 1;
        while (last > 0 && groups[last].Length == 0)
        {
            last--;
        }

        return string.Join('=', groups, 0, last + 1);
    }
}
