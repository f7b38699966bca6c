using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>SCP/SCU Role Selection Sub-Item, item-type 54H (PS3.7 D.3.3.4).</summary>
public sealed record RoleSelectionSubItem(string SopClassUid, bool ScuRole, bool ScpRole)
{
    public const byte ItemType = 0x54;

    public int Length => 4 + 2 + SopClassUid.Length + 2;

    public void Write(ref PduSpanWriter writer)
    {
        writer.WriteItemHeader(ItemType, Length - 4);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteAscii(SopClassUid);
        writer.WriteByte(ScuRole ? (byte)1 : (byte)0);
        writer.WriteByte(ScpRole ? (byte)1 : (byte)0);
    }

    public static RoleSelectionSubItem Read(ReadOnlySpan<byte> value)
    {
        var reader = new PduSpanReader(value);
        var uidLength = reader.ReadUInt16("SCP/SCU Role Selection Sub-Item UID-length");
        var uid = reader.ReadUid(uidLength, "SCP/SCU Role Selection Sub-Item SOP-class-uid");
        var scu = reader.ReadByte("SCP/SCU Role Selection Sub-Item SCU-role");
        var scp = reader.ReadByte("SCP/SCU Role Selection Sub-Item SCP-role");
        if (scu > 1 || scp > 1)
        {
            throw new DicomNetworkProtocolException("SCP/SCU Role Selection Sub-Item SCU-role/SCP-role",
                $"values must be 0 or 1; got {scu} and {scp}.");
        }

        return new RoleSelectionSubItem(uid, scu == 1, scp == 1);
    }
}
