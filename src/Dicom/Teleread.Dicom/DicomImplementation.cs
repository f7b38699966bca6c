namespace Teleread.Dicom;

/// <summary>How Teleread identifies itself in File Meta Information and association negotiation.</summary>
public static class DicomImplementation
{
    /// <summary>A UUID-derived UID (PS3.5 B.2) fixed for Teleread.</summary>
    public const string ClassUid = "2.25.209476012092003978778650036567983874595";

    public const string VersionName = "TELEREAD_1";
}
