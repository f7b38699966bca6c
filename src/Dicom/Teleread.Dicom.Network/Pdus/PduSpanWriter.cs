using System.Buffers.Binary;
using System.Text;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>Big-endian cursor writing PDU bytes into a span sized beforehand from the lengths.</summary>
public ref struct PduSpanWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public PduSpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    public void WriteZeros(int count)
    {
        _buffer.Slice(_position, count).Clear();
        _position += count;
    }

    /// <summary>ASCII text without padding (UIDs in PDUs are not padded, PS3.8 Annex F).</summary>
    public void WriteAscii(string value) => _position += Encoding.ASCII.GetBytes(value, _buffer[_position..]);

    /// <summary>A 16-byte AE title, space padded.</summary>
    public void WriteAeTitle(string value)
    {
        var span = _buffer.Slice(_position, 16);
        span.Fill((byte)' ');
        Encoding.ASCII.GetBytes(value.AsSpan(0, Math.Min(16, value.Length)), span);
        _position += 16;
    }

    /// <summary>Item header: item-type, reserved, item-length (16 bits).</summary>
    public void WriteItemHeader(byte itemType, int valueLength)
    {
        if (valueLength > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(valueLength), valueLength, $"Item 0x{itemType:X2} is longer than 65535 bytes.");
        }

        WriteByte(itemType);
        WriteByte(0);
        WriteUInt16((ushort)valueLength);
    }
}
