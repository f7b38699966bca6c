using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>Application Context Item, item-type 10H (PS3.8 9.3.2.1).</summary>
public sealed record ApplicationContextItem(string ApplicationContextName)
{
    public const byte ItemType = 0x10;

    /// <summary>The DICOM Application Context Name (PS3.7 Annex A.2.1).</summary>
    public const string DicomApplicationContextName = "1.2.840.10008.3.1.1.1";

    public int Length => 4 + ApplicationContextName.Length;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, ApplicationContextName.Length);
        writer.WriteAscii(ApplicationContextName);
    }

    public static ApplicationContextItem Read(ReadOnlySpan<byte> value)
        => new(PduSpanReader.DecodeUid(value, "Application Context Item Application-context-name"));
}
