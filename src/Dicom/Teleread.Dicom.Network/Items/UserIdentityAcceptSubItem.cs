using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>User Identity Negotiation Sub-Item of an A-ASSOCIATE-AC, item-type 59H (PS3.7 D.3.3.7.2).</summary>
public sealed record UserIdentityAcceptSubItem(ReadOnlyMemory<byte> ServerResponse)
{
    public const byte ItemType = 0x59;

    public int Length => 4 + 2 + ServerResponse.Length;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteUInt16((ushort)ServerResponse.Length);
        writer.WriteBytes(ServerResponse.Span);
    }

    public static UserIdentityAcceptSubItem Read(ReadOnlySpan<byte> value)
    {
        var reader = new PduSpanReader(value);
        var length = reader.ReadUInt16("User Identity Sub-Item (AC) Server-response-length");
        return new UserIdentityAcceptSubItem(reader.ReadBytes(length, "User Identity Sub-Item (AC) Server-response").ToArray());
    }
}
