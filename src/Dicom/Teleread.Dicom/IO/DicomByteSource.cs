using System.Buffers;
using System.Buffers.Binary;

namespace Teleread.Dicom.IO;

/// <summary>
/// Buffered forward reader over a stream that knows its position and, for seekable streams, how many bytes remain —
/// so a declared length is checked against the input before anything is allocated.
/// </summary>
internal sealed class DicomByteSource : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int ChunkSize = 1024 * 1024;
    private readonly Stream _stream;
    private readonly long _length;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private long _bufferStart;

    public DicomByteSource(Stream stream)
    {
        _stream = stream;
        CanSeek = stream.CanSeek;
        Origin = CanSeek ? stream.Position : 0;
        _length = CanSeek ? stream.Length - Origin : -1;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>Starts with bytes already taken from the stream (e.g. a sniffed header).</summary>
    public DicomByteSource(Stream stream, ReadOnlySpan<byte> prefix, long prefixOrigin)
        : this(stream)
    {
        prefix.CopyTo(_buffer);
        _end = prefix.Length;
        Origin = prefixOrigin;
        _length = CanSeek ? stream.Length - prefixOrigin : -1;
    }

    public bool CanSeek { get; }

    public Stream Stream => _stream;

    /// <summary>Stream position of Position 0.</summary>
    public long Origin { get; }

    /// <summary>Bytes consumed since the start.</summary>
    public long Position => _bufferStart + _pos;

    /// <summary>Bytes left in the input, or -1 when the stream cannot tell.</summary>
    public long Remaining => _length < 0 ? -1 : _length - Position;

    public int Buffered => _end - _pos;

    /// <summary>Makes at least n bytes available in the buffer; false at end of input.</summary>
    public bool Ensure(int n)
    {
        if (_end - _pos >= n)
        {
            return true;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _bufferStart += _pos;
            _end -= _pos;
            _pos = 0;
        }

        while (_end < n)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    public ReadOnlySpan<byte> Peek(int n) => _buffer.AsSpan(_pos, n);

    public ushort ReadUInt16(bool bigEndian)
    {
        var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_pos)) : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_pos));
        _pos += 2;
        return v;
    }

    public uint ReadUInt32(bool bigEndian)
    {
        var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_pos)) : BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_pos));
        _pos += 4;
        return v;
    }

    public void Advance(int n) => _pos += n;

    /// <summary>Reads exactly n bytes; false if the input ends first. Memory grows with the bytes actually present, never with n alone.</summary>
    public bool TryReadBytes(long n, out byte[] bytes)
    {
        bytes = [];
        if (n > Array.MaxLength || (Remaining >= 0 && n > Remaining))
        {
            return false;
        }

        if (n <= ChunkSize || Remaining >= 0)
        {
            bytes = n == 0 ? [] : new byte[n];
            return TryFill(bytes);
        }

        var chunks = new List<byte[]>();
        long total = 0;
        while (total < n)
        {
            var chunk = new byte[Math.Min(ChunkSize, n - total)];
            if (!TryFill(chunk))
            {
                return false;
            }

            chunks.Add(chunk);
            total += chunk.Length;
        }

        bytes = new byte[n];
        var at = 0;
        foreach (var c in chunks)
        {
            c.CopyTo(bytes, at);
            at += c.Length;
        }

        return true;
    }

    /// <summary>Skips n bytes (seeking when possible); false if the input ends first.</summary>
    public bool TrySkip(long n)
    {
        if (Remaining >= 0 && n > Remaining)
        {
            return false;
        }

        var inBuffer = _end - _pos;
        if (n <= inBuffer)
        {
            _pos += (int)n;
            return true;
        }

        n -= inBuffer;
        _bufferStart += _end;
        _pos = _end = 0;
        if (CanSeek)
        {
            _stream.Seek(n, SeekOrigin.Current);
            _bufferStart += n;
            return true;
        }

        while (n > 0)
        {
            var read = _stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, n));
            if (read <= 0)
            {
                return false;
            }

            n -= read;
            _bufferStart += read;
        }

        return true;
    }

    /// <summary>The bytes buffered but not consumed, and gives up the stream: used to switch to a decompressing reader.</summary>
    public byte[] TakeBuffered() => _buffer.AsSpan(_pos, _end - _pos).ToArray();

    /// <summary>Moves the underlying stream back to Position (for a caller who continues after a stop), when seekable.</summary>
    public void RewindStreamToPosition()
    {
        if (CanSeek)
        {
            _stream.Position = Origin + Position;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private bool TryFill(Span<byte> target)
    {
        var fromBuffer = Math.Min(target.Length, _end - _pos);
        _buffer.AsSpan(_pos, fromBuffer).CopyTo(target);
        _pos += fromBuffer;
        var done = fromBuffer;
        if (done < target.Length)
        {
            _bufferStart += _end;
            _pos = _end = 0;
        }

        while (done < target.Length)
        {
            var read = _stream.Read(target[done..]);
            if (read <= 0)
            {
                return false;
            }

            done += read;
            _bufferStart += read;
        }

        return true;
    }
}
