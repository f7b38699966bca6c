using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>
/// SOP Class Extended Negotiation Sub-Item, item-type 56H (PS3.7 D.3.3.5). The service class
/// application information is kept as raw bytes; its meaning belongs to each service class.
/// </summary>
public sealed record SopClassExtendedNegotiationSubItem(string SopClassUid, ReadOnlyMemory<byte> ServiceClassApplicationInformation)
{
    public const byte ItemType = 0x56;

    public int Length => 4 + 2 + SopClassUid.Length + ServiceClassApplicationInformation.Length;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteAscii(SopClassUid);
        writer.WriteBytes(ServiceClassApplicationInformation.Span);
    }

    public static SopClassExtendedNegotiationSubItem Read(ReadOnlySpan<byte> value)
    {
        var reader = new PduSpanReader(value);
        var uidLength = reader.ReadUInt16("SOP Class Extended Negotiation Sub-Item SOP-class-uid-length");
        var uid = reader.ReadUid(uidLength, "SOP Class Extended Negotiation Sub-Item SOP-class-uid");
        return new SopClassExtendedNegotiationSubItem(uid, reader.ReadRest().ToArray());
    }
}
