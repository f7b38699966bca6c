using System.Buffers;
using System.Buffers.Binary;

namespace Teleread.Dicom.IO;

/// <summary>Buffered writer of headers and values in either byte order.</summary>
internal sealed class DicomByteSink(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _pos;

    public void WriteUInt16(ushort v, bool bigEndian)
    {
        Reserve(2);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_pos), v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_pos), v);
        }

        _pos += 2;
    }

    public void WriteUInt32(uint v, bool bigEndian)
    {
        Reserve(4);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(_pos), v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_pos), v);
        }

        _pos += 4;
    }

    public void WriteByte(byte b)
    {
        Reserve(1);
        _buffer[_pos++] = b;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _pos)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    /// <summary>Writes bytes with each unit reversed (little ↔ big endian), through the buffer.</summary>
    public void WriteSwapped(ReadOnlySpan<byte> bytes, int unit)
    {
        while (bytes.Length > 0)
        {
            if (_buffer.Length - _pos < unit)
            {
                Flush();
            }

            var n = Math.Min(bytes.Length, (_buffer.Length - _pos) / unit * unit);
            if (n == 0)
            {
                n = bytes.Length;
            }

            var target = _buffer.AsSpan(_pos, n);
            bytes[..n].CopyTo(target);
            DicomByteSwap.Swap(target, unit);
            _pos += n;
            bytes = bytes[n..];
        }
    }

    public void Flush()
    {
        if (_pos > 0)
        {
            stream.Write(_buffer, 0, _pos);
            _pos = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Reserve(int n)
    {
        if (_buffer.Length - _pos < n)
        {
            Flush();
        }
    }
}
