namespace Teleread.Dicom.IO;

/// <summary>Reads some already-buffered bytes, then the rest of a stream (to hand a decompressor what the header reader over-read).</summary>
internal sealed class DicomPrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixPos;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("Forward-only stream.");

    public override long Position
    {
        get => throw new NotSupportedException("Forward-only stream.");
        set => throw new NotSupportedException("Forward-only stream.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Forward-only stream.");

    public override void SetLength(long value) => throw new NotSupportedException("Forward-only stream.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read-only stream.");
}
