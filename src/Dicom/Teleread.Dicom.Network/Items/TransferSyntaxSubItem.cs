using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>Transfer Syntax Sub-Item, item-type 40H (PS3.8 9.3.2.2.2 and 9.3.3.2.1).</summary>
public static class TransferSyntaxSubItem
{
    public const byte ItemType = 0x40;

    public static int Length(string transferSyntax) => 4 + transferSyntax.Length;

    public static void Write(ref PduSpanWriter writer, string transferSyntax)
    {
        writer.WriteItemHeader(ItemType, transferSyntax.Length);
        writer.WriteAscii(transferSyntax);
    }

    public static string Read(ReadOnlySpan<byte> value)
        => PduSpanReader.DecodeUid(value, "Transfer Syntax Sub-Item Transfer-syntax-name");
}
