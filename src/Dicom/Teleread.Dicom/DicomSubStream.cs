namespace Teleread.Dicom;

/// <summary>A read-only window [offset, offset+length) of a seekable stream.</summary>
internal sealed class DicomSubStream(Stream inner, long offset, long length, bool ownsInner) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        inner.Position = offset + _position;
        var read = inner.Read(buffer[..n]);
        _position += read;
        return read;
    }

    public override long Seek(long o, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => o,
        SeekOrigin.Current => _position + o,
        _ => length + o,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("Read-only stream.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read-only stream.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
