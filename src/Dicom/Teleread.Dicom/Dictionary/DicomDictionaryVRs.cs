namespace Teleread.Dicom;

/// <summary>Shared VR lists for dictionary entries (one array per distinct list, so the tables allocate nothing per entry).</summary>
internal static class DicomDictionaryVRs
{
    public static readonly DicomVR[] AE = [DicomVR.AE];
    public static readonly DicomVR[] AS = [DicomVR.AS];
    public static readonly DicomVR[] AT = [DicomVR.AT];
    public static readonly DicomVR[] CS = [DicomVR.CS];
    public static readonly DicomVR[] DA = [DicomVR.DA];
    public static readonly DicomVR[] DS = [DicomVR.DS];
    public static readonly DicomVR[] DT = [DicomVR.DT];
    public static readonly DicomVR[] FD = [DicomVR.FD];
    public static readonly DicomVR[] FL = [DicomVR.FL];
    public static readonly DicomVR[] IS = [DicomVR.IS];
    public static readonly DicomVR[] LO = [DicomVR.LO];
    public static readonly DicomVR[] LT = [DicomVR.LT];
    public static readonly DicomVR[] OB = [DicomVR.OB];
    public static readonly DicomVR[] OD = [DicomVR.OD];
    public static readonly DicomVR[] OF = [DicomVR.OF];
    public static readonly DicomVR[] OL = [DicomVR.OL];
    public static readonly DicomVR[] OV = [DicomVR.OV];
    public static readonly DicomVR[] OW = [DicomVR.OW];
    public static readonly DicomVR[] PN = [DicomVR.PN];
    public static readonly DicomVR[] SH = [DicomVR.SH];
    public static readonly DicomVR[] SL = [DicomVR.SL];
    public static readonly DicomVR[] SQ = [DicomVR.SQ];
    public static readonly DicomVR[] SS = [DicomVR.SS];
    public static readonly DicomVR[] ST = [DicomVR.ST];
    public static readonly DicomVR[] SV = [DicomVR.SV];
    public static readonly DicomVR[] TM = [DicomVR.TM];
    public static readonly DicomVR[] UC = [DicomVR.UC];
    public static readonly DicomVR[] UI = [DicomVR.UI];
    public static readonly DicomVR[] UL = [DicomVR.UL];
    public static readonly DicomVR[] UN = [DicomVR.UN];
    public static readonly DicomVR[] UR = [DicomVR.UR];
    public static readonly DicomVR[] US = [DicomVR.US];
    public static readonly DicomVR[] UT = [DicomVR.UT];
    public static readonly DicomVR[] UV = [DicomVR.UV];
    public static readonly DicomVR[] US_SS = [DicomVR.US, DicomVR.SS];
    public static readonly DicomVR[] OB_OW = [DicomVR.OB, DicomVR.OW];
    public static readonly DicomVR[] US_SS_OW = [DicomVR.US, DicomVR.SS, DicomVR.OW];
}
