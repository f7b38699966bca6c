using System.Text;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>Hand-encoded C-STORE command sets (PS3.7 Table 9.3-1/9.3-2) until the DIMSE layer exists.</summary>
internal static class StoreCommands
{
    public const ushort CStoreRq = 0x0001;
    public const ushort CStoreRsp = 0x8001;

    public static byte[] Request(ushort messageId, string sopClassUid, string sopInstanceUid)
        => EchoCommands.Encode([
            (0x0002, EchoCommands.Uid(sopClassUid)),
            (0x0100, EchoCommands.UInt16(CStoreRq)),
            (0x0110, EchoCommands.UInt16(messageId)),
            (0x0700, EchoCommands.UInt16(0)),
            (0x0800, EchoCommands.UInt16(0x0000)),
            (0x1000, EchoCommands.Uid(sopInstanceUid)),
        ]);

    public static byte[] Response(ushort messageIdBeingRespondedTo, string sopClassUid, string sopInstanceUid, ushort status = 0)
        => EchoCommands.Encode([
            (0x0002, EchoCommands.Uid(sopClassUid)),
            (0x0100, EchoCommands.UInt16(CStoreRsp)),
            (0x0120, EchoCommands.UInt16(messageIdBeingRespondedTo)),
            (0x0800, EchoCommands.UInt16(0x0101)),
            (0x0900, EchoCommands.UInt16(status)),
            (0x1000, EchoCommands.Uid(sopInstanceUid)),
        ]);

    internal static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');
}
