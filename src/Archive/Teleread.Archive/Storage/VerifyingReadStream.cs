using System.Security.Cryptography;

namespace Teleread.Archive.Storage;

/// <summary>Hashes a whole-object read as it goes and throws <see cref="BlobIntegrityException"/> at the end on mismatch.</summary>
internal sealed class VerifyingReadStream(Stream inner, string store, BlobExpectation expected) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private bool _verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expected.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A verified blob stream cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Account(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span, read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A verified blob stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A blob read stream cannot change length.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A blob read stream cannot be written.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0)
        {
            _sha256.AppendData(buffer[..read]);
            _position += read;
            if (_position > expected.Length)
            {
                throw new BlobIntegrityException(store, expected.Key, $"longer than the recorded {expected.Length} bytes");
            }
        }
        else if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            var actual = Convert.ToHexStringLower(_sha256.GetHashAndReset());
            if (_position != expected.Length || actual != expected.Sha256)
            {
                throw new BlobIntegrityException(store, expected.Key, $"read {_position} bytes with SHA-256 {actual}, recorded {expected.Length} bytes with {expected.Sha256}");
            }
        }

        return read;
    }
}
