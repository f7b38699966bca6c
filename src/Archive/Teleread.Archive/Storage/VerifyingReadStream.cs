using System.IO.Hashing;
using System.Security.Cryptography;

namespace Teleread.Archive.Storage;

/// <summary>
/// Hashes a whole-object read as it goes (XXH3-64 when recorded, else SHA-256) and throws <see cref="BlobIntegrityException"/>
/// at the end on mismatch.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, string store, BlobExpectation expected) : Stream
{
    private readonly IncrementalHash? _sha256 = expected.Xxh3 is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private readonly XxHash3? _xxh3 = expected.Xxh3 is null ? null : new XxHash3();
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
            _sha256?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0)
        {
            _sha256?.AppendData(buffer[..read]);
            _xxh3?.Append(buffer[..read]);
            _position += read;
            if (_position > expected.Length)
            {
                throw new BlobIntegrityException(store, expected.Key, $"longer than the recorded {expected.Length} bytes");
            }
        }
        else if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            var (algorithm, actual, recorded) = _xxh3 is null
                ? ("SHA-256", Convert.ToHexStringLower(_sha256!.GetHashAndReset()), expected.Sha256)
                : ("XXH3-64", Convert.ToHexStringLower(_xxh3.GetCurrentHash()), expected.Xxh3!);
            if (_position != expected.Length || actual != recorded)
            {
                throw new BlobIntegrityException(store, expected.Key, $"read {_position} bytes with {algorithm} {actual}, recorded {expected.Length} bytes with {recorded}");
            }
        }

        return read;
    }
}
