using System.Buffers.Binary;
using System.Text;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>
/// Splits a PS3.10 file into its File Meta Information and the data set bytes that travel in
/// P-DATA (test helper: only group 0002 explicit VR little endian is parsed).
/// </summary>
internal sealed record Part10File(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, byte[] DataSet)
{
    public static Part10File Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (Encoding.ASCII.GetString(bytes, 128, 4) != "DICM")
        {
            throw new InvalidDataException($"{path} has no DICM prefix.");
        }

        var offset = 132;
        string? sopClass = null, sopInstance = null, transferSyntax = null;
        while (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) == 0x0002)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 2));
            var vr = Encoding.ASCII.GetString(bytes, offset + 4, 2);
            int length, header;
            if (vr is "OB" or "OW" or "UN" or "SQ" or "UT" or "UC" or "UR")
            {
                length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8));
                header = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 6));
                header = 8;
            }

            var value = Encoding.ASCII.GetString(bytes, offset + header, length).TrimEnd('\0', ' ');
            switch (element)
            {
                case 0x0002: sopClass = value; break;
                case 0x0003: sopInstance = value; break;
                case 0x0010: transferSyntax = value; break;
            }

            offset += header + length;
        }

        return new Part10File(sopClass!, sopInstance!, transferSyntax!, bytes[offset..]);
    }
}
