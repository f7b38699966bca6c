namespace Teleread.Dicom.Network;

/// <summary>How Teleread identifies itself in the User Information item (PS3.7 D.3.3.2).</summary>
public static class DicomImplementation
{
    /// <summary>A UUID-derived UID (PS3.5 B.2, root 2.25) fixed for Teleread.</summary>
    public const string ClassUid = "2.25.206523386812539180466413616722358420145";

    public const string VersionName = "TELEREAD_0_1";
}
