using System.Buffers.Binary;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// A PS3.8 protocol data unit: a 6-byte header (PDU-type, reserved, PDU-length big endian)
/// followed by a body of PDU-length bytes. Each concrete PDU reads and writes its own body.
/// </summary>
public abstract class Pdu
{
    public const int HeaderLength = 6;

    public abstract PduType Type { get; }

    /// <summary>Value of the PDU-length field: the number of bytes after the header.</summary>
    public abstract int BodyLength { get; }

    /// <summary>Writes exactly <see cref="BodyLength"/> bytes.</summary>
    public abstract void WriteBody(Span<byte> destination);

    public int Length => HeaderLength + BodyLength;

    /// <summary>Writes header and body; returns the number of bytes written.</summary>
    public int Write(Span<byte> destination)
    {
        var bodyLength = BodyLength;
        if (destination.Length < HeaderLength + bodyLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the PDU needs {HeaderLength + bodyLength}.", nameof(destination));
        }

        destination[0] = (byte)Type;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)bodyLength);
        WriteBody(destination.Slice(HeaderLength, bodyLength));
        return HeaderLength + bodyLength;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        Write(bytes);
        return bytes;
    }
}
