using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>
/// SOP Class Common Extended Negotiation Sub-Item, item-type 57H (PS3.7 D.3.3.6). The related
/// general SOP class identification is kept raw.
/// </summary>
public sealed record SopClassCommonExtendedNegotiationSubItem(string SopClassUid, string ServiceClassUid, ReadOnlyMemory<byte> RelatedGeneralSopClassIdentification)
{
    public const byte ItemType = 0x57;

    public int Length => 4 + 2 + SopClassUid.Length + 2 + ServiceClassUid.Length + 2 + RelatedGeneralSopClassIdentification.Length;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteAscii(SopClassUid);
        writer.WriteUInt16((ushort)ServiceClassUid.Length);
        writer.WriteAscii(ServiceClassUid);
        writer.WriteUInt16((ushort)RelatedGeneralSopClassIdentification.Length);
        writer.WriteBytes(RelatedGeneralSopClassIdentification.Span);
    }

    public static SopClassCommonExtendedNegotiationSubItem Read(ReadOnlySpan<byte> value)
    {
        const string item = "SOP Class Common Extended Negotiation Sub-Item";
        var reader = new PduSpanReader(value);
        var sopClassUid = reader.ReadUid(reader.ReadUInt16($"{item} SOP-class-uid-length"), $"{item} SOP-class-uid");
        var serviceClassUid = reader.ReadUid(reader.ReadUInt16($"{item} Service-class-uid-length"), $"{item} Service-class-uid");
        var relatedLength = reader.ReadUInt16($"{item} Related-general-sop-class-identification-length");
        var related = reader.ReadBytes(relatedLength, $"{item} Related-general-sop-class-identification").ToArray();
        return new SopClassCommonExtendedNegotiationSubItem(sopClassUid, serviceClassUid, related);
    }
}
