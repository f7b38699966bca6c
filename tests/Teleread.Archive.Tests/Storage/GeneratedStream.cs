namespace Teleread.Archive.Tests.Storage;

/// <summary>A read-only stream of deterministic pseudo-random bytes (xorshift), never materialized.</summary>
internal sealed class GeneratedStream(long length, ulong seed = 0x9E3779B97F4A7C15) : Stream
{
    private ulong _state = seed == 0 ? 1 : seed;
    private long _position;

    /// <summary>Called as reading passes each mebibyte, to sample memory while streaming.</summary>
    public Action<long>? OnMebibyte { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public static byte[] Bytes(int length, ulong seed = 0x9E3779B97F4A7C15)
    {
        var bytes = new byte[length];
        using var stream = new GeneratedStream(length, seed);
        stream.ReadExactly(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = (byte)_state;
        }

        var before = _position >> 20;
        _position += count;
        if (OnMebibyte is { } callback && _position >> 20 != before)
        {
            callback(_position);
        }

        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
