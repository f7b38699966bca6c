namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>UIDs from PS3.6 used by these tests.</summary>
internal static class TestUids
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    public const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";
    public const string JpegLossless = "1.2.840.10008.1.2.4.70";
}
