namespace Teleread.Dicom.Deidentification;

/// <summary>The codes of CID 7050 "De-identification Method" (PS3.16) for the profile and its options.</summary>
public static class DicomDeidentificationMethod
{
    public static (string Code, string Meaning) BasicProfile { get; } = ("113100", "Basic Application Confidentiality Profile");

    /// <summary>The option codes that apply to <paramref name="options"/>, in code order.</summary>
    public static IEnumerable<(string Code, string Meaning)> OptionCodes(DicomDeidentificationOptions options)
    {
        if (options.CleanGraphics)
        {
            yield return ("113103", "Clean Graphics Option");
        }

        if (options.CleanStructuredContent)
        {
            yield return ("113104", "Clean Structured Content Option");
        }

        if (options.CleanDescriptors)
        {
            yield return ("113105", "Clean Descriptors Option");
        }

        if (options.RetainFullDates)
        {
            yield return ("113106", "Retain Longitudinal Temporal Information Full Dates Option");
        }
        else if (options.RetainModifiedDates)
        {
            yield return ("113107", "Retain Longitudinal Temporal Information Modified Dates Option");
        }

        if (options.RetainPatientCharacteristics)
        {
            yield return ("113108", "Retain Patient Characteristics Option");
        }

        if (options.RetainDeviceIdentity)
        {
            yield return ("113109", "Retain Device Identity Option");
        }

        if (options.RetainUids)
        {
            yield return ("113110", "Retain UIDs Option");
        }

        if (options.RetainSafePrivate)
        {
            yield return ("113111", "Retain Safe Private Option");
        }

        if (options.RetainInstitutionIdentity)
        {
            yield return ("113112", "Retain Institution Identity Option");
        }
    }
}
