using System.Buffers.Binary;
using System.Text;

namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// Big-endian cursor over PDU bytes. Every read names the PS3.8 field it reads so that a
/// short or malformed PDU fails with a <see cref="DicomNetworkProtocolException"/> naming it.
/// </summary>
public ref struct PduSpanReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public PduSpanReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _buffer.Length - _position;

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _buffer[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_buffer[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32(string field)
    {
        Require(4, field);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_buffer[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        Require(count, field);
        var slice = _buffer.Slice(_position, count);
        _position += count;
        return slice;
    }

    public void Skip(int count, string field) => ReadBytes(count, field);

    public ReadOnlySpan<byte> ReadRest() => ReadBytes(Remaining, "rest");

    /// <summary>A 16-byte AE title; leading and trailing spaces are not significant (PS3.8 9.3.2).</summary>
    public string ReadAeTitle(string field)
    {
        var bytes = ReadBytes(16, field);
        foreach (var b in bytes)
        {
            if (b != 0 && (b < 0x20 || b > 0x7E))
            {
                throw new DicomNetworkProtocolException(field, $"AE title contains the non-printable byte 0x{b:X2}.");
            }
        }

        return Encoding.ASCII.GetString(bytes).Trim(' ', '\0');
    }

    /// <summary>A UID of <paramref name="length"/> bytes; trailing NUL padding from lenient peers is dropped.</summary>
    public string ReadUid(int length, string field) => DecodeUid(ReadBytes(length, field), field);

    public static string DecodeUid(ReadOnlySpan<byte> bytes, string field)
    {
        var end = bytes.Length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == (byte)' '))
        {
            end--;
        }

        bytes = bytes[..end];
        if (bytes.Length > 64)
        {
            throw new DicomNetworkProtocolException(field, $"UID is {bytes.Length} bytes long; at most 64 are allowed.");
        }

        foreach (var b in bytes)
        {
            if (b != (byte)'.' && (b < (byte)'0' || b > (byte)'9'))
            {
                throw new DicomNetworkProtocolException(field, $"UID contains the byte 0x{b:X2}; only digits and '.' are allowed.");
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }

    private readonly void Require(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new DicomNetworkProtocolException(field,
                $"needs {count} bytes at offset {_position} but only {Remaining} remain.");
        }
    }
}
