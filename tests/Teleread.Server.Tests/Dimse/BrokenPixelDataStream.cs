using System.Buffers.Binary;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// A data set that promises a large Pixel Data element (explicit VR little endian) and breaks part-way: after
/// <c>breakAfter</c> pixel bytes the next read throws what <c>failure</c> makes (IOException: the connection is just
/// dropped; OperationCanceledException: the SCU sends A-ABORT). Nothing is held in memory but one chunk.
/// </summary>
public sealed class BrokenPixelDataStream(byte[] headerWithoutPixelData, uint pixelDataLength, long breakAfter, Func<Exception> failure) : Stream
{
    private readonly byte[] _prefix = Prefix(headerWithoutPixelData, pixelDataLength);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefix.Length)
        {
            var n = (int)Math.Min(buffer.Length, _prefix.Length - _position);
            _prefix.AsSpan((int)_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        var pixels = _position - _prefix.Length;
        if (pixels >= breakAfter)
        {
            throw failure();
        }

        var take = (int)Math.Min(buffer.Length, breakAfter - pixels);
        buffer[..take].Fill((byte)(pixels >> 16));
        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] Prefix(byte[] header, uint length)
    {
        var element = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(element, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(element.AsSpan(2), 0x0010);
        element[4] = (byte)'O';
        element[5] = (byte)'W';
        BinaryPrimitives.WriteUInt32LittleEndian(element.AsSpan(8), length);
        return [.. header, .. element];
    }
}
