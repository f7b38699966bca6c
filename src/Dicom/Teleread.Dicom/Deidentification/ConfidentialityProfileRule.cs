namespace Teleread.Dicom.Deidentification;

/// <summary>
/// One row of PS3.15 Table E.1-1: the Basic Profile action as written ("X", "X/Z/D", "X/Z/U*" ...) and the actions of the
/// option columns that have one, keyed by the option letter of <see cref="ConfidentialityProfileTable"/>.
/// </summary>
public sealed record ConfidentialityProfileRule(string Key, string BasicProfile, IReadOnlyDictionary<char, char> OptionActions)
{
    /// <summary>The action this row calls for under the given options (an option's K wins over its C, which wins over X).</summary>
    public string ResolveCode(DicomDeidentificationOptions options)
    {
        char? chosen = null;
        foreach (var (option, action) in OptionActions)
        {
            if (!IsEnabled(option, options))
            {
                continue;
            }

            if (chosen is null || Rank(action) > Rank(chosen.Value))
            {
                chosen = action;
            }
        }

        return chosen?.ToString() ?? BasicProfile;
    }

    private static int Rank(char action) => action switch { 'K' => 3, 'C' => 2, _ => 1 };

    private static bool IsEnabled(char option, DicomDeidentificationOptions o) => option switch
    {
        'P' => o.RetainSafePrivate,
        'U' => o.RetainUids,
        'V' => o.RetainDeviceIdentity,
        'I' => o.RetainInstitutionIdentity,
        'C' => o.RetainPatientCharacteristics,
        'F' => o.RetainFullDates,
        'M' => o.RetainModifiedDates && !o.RetainFullDates,
        'D' => o.CleanDescriptors,
        'S' => o.CleanStructuredContent,
        'G' => o.CleanGraphics,
        _ => false,
    };
}
