using System.Buffers.Binary;
using System.Text;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>
/// Hand-encoded C-ECHO command sets (PS3.7 Table 9.3-12/9.3-13, group 0000 implicit VR little
/// endian) so the upper layer can be proven against DCMTK before the DIMSE layer exists.
/// </summary>
internal static class EchoCommands
{
    public const ushort CEchoRq = 0x0030;
    public const ushort CEchoRsp = 0x8030;

    public static byte[] Request(ushort messageId)
        => Encode([
            (0x0002, Uid(TestUids.Verification)),
            (0x0100, UInt16(CEchoRq)),
            (0x0110, UInt16(messageId)),
            (0x0800, UInt16(0x0101)),
        ]);

    public static byte[] Response(ushort messageIdBeingRespondedTo, ushort status = 0)
        => Encode([
            (0x0002, Uid(TestUids.Verification)),
            (0x0100, UInt16(CEchoRsp)),
            (0x0120, UInt16(messageIdBeingRespondedTo)),
            (0x0800, UInt16(0x0101)),
            (0x0900, UInt16(status)),
        ]);

    /// <summary>The value of element (0000,<paramref name="element"/>) as US.</summary>
    public static ushort ReadUInt16(ReadOnlySpan<byte> command, ushort element)
        => BinaryPrimitives.ReadUInt16LittleEndian(ReadValue(command, element));

    /// <summary>The value of element (0000,<paramref name="element"/>) as a UID without padding.</summary>
    public static string ReadUid(ReadOnlySpan<byte> command, ushort element)
        => Encoding.ASCII.GetString(ReadValue(command, element)).TrimEnd('\0', ' ');

    public static ReadOnlySpan<byte> ReadValue(ReadOnlySpan<byte> command, ushort element)
    {
        var offset = 0;
        while (offset + 8 <= command.Length)
        {
            var tagElement = BinaryPrimitives.ReadUInt16LittleEndian(command[(offset + 2)..]);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(command[(offset + 4)..]);
            if (tagElement == element)
            {
                return command.Slice(offset + 8, length);
            }

            offset += 8 + length;
        }

        throw new InvalidDataException($"Command has no element (0000,{element:X4}).");
    }

    internal static byte[] Uid(string uid)
    {
        var bytes = Encoding.ASCII.GetBytes(uid);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, 0];
    }

    internal static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    internal static byte[] Encode((ushort Element, byte[] Value)[] elements)
    {
        var bodyLength = elements.Sum(e => 8 + e.Value.Length);
        var result = new byte[12 + bodyLength];
        var span = result.AsSpan();
        WriteHeader(span, 0x0000, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)bodyLength);
        var offset = 12;
        foreach (var (element, value) in elements)
        {
            WriteHeader(span[offset..], element, value.Length);
            value.CopyTo(span[(offset + 8)..]);
            offset += 8 + value.Length;
        }

        return result;
    }

    private static void WriteHeader(Span<byte> span, ushort element, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x0000);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)length);
    }
}
