using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>Abstract Syntax Sub-Item, item-type 30H (PS3.8 9.3.2.2.1): one SOP class or meta SOP class UID.</summary>
public static class AbstractSyntaxSubItem
{
    public const byte ItemType = 0x30;

    public static int Length(string abstractSyntax) => 4 + abstractSyntax.Length;

    public static void Write(ref PduSpanWriter writer, string abstractSyntax)
    {
        writer.WriteItemHeader(ItemType, abstractSyntax.Length);
        writer.WriteAscii(abstractSyntax);
    }

    public static string Read(ReadOnlySpan<byte> value)
        => PduSpanReader.DecodeUid(value, "Abstract Syntax Sub-Item Abstract-syntax-name");
}
