namespace Teleread.Dicom.Deidentification;

/// <summary>The options of PS3.15 E.3 that modify the Basic Application Level Confidentiality Profile, plus pseudonyms and the UID key.</summary>
public sealed class DicomDeidentificationOptions
{
    public bool RetainSafePrivate { get; init; }

    public bool RetainUids { get; init; }

    public bool RetainDeviceIdentity { get; init; }

    public bool RetainInstitutionIdentity { get; init; }

    public bool RetainPatientCharacteristics { get; init; }

    /// <summary>Retain Longitudinal Temporal Information with Full Dates (E.3.6): dates and times kept.</summary>
    public bool RetainFullDates { get; init; }

    /// <summary>Retain Longitudinal Temporal Information with Modified Dates (E.3.6): every date shifted by <see cref="DateShift"/>.</summary>
    public bool RetainModifiedDates { get; init; }

    public bool CleanDescriptors { get; init; }

    public bool CleanStructuredContent { get; init; }

    public bool CleanGraphics { get; init; }

    /// <summary>The shift applied to dates with <see cref="RetainModifiedDates"/>; null derives a whole number of days (1 to 3650 back) from the UID key.</summary>
    public TimeSpan? DateShift { get; init; }

    /// <summary>Replaces Patient ID (0010,0020); null leaves the Basic Profile's empty value.</summary>
    public string? PatientIdPseudonym { get; init; }

    /// <summary>Replaces Patient's Name (0010,0010); null leaves the Basic Profile's empty value.</summary>
    public string? PatientNamePseudonym { get; init; }

    /// <summary>With <see cref="RetainSafePrivate"/>: private attributes known to be safe, as (Private Creator, group, element offset 0x00-0xFF).</summary>
    public IReadOnlyCollection<(string Creator, ushort Group, byte Element)> SafePrivateAttributes { get; init; } = [];
}
