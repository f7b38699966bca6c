using System.Buffers;

namespace Teleread.Archive.Storage;

/// <summary>
/// Reads a small object once into pooled memory, checks its length and checksum there (XXH3-64 when recorded, else
/// SHA-256) and serves those same bytes: one read and one hash instead of a verifying pass followed by a second read.
/// </summary>
internal static class VerifiedBlobBuffer
{
    /// <summary>Objects up to this size are verified in memory; typical CT/MR slices (0.5 MB) and CR/DX images (10–30 MB) fit.</summary>
    public const long MaxBytes = 32L << 20;

    /// <returns>A stream over the verified bytes, or null with <paramref name="state"/> saying why the copy is not good.</returns>
    public static async Task<(Stream? Stream, BlobCopyState State)> ReadAsync(IBlobStore site, BlobExpectation expected, CancellationToken cancellationToken)
    {
        var length = checked((int)expected.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length + 1, 1));
        try
        {
            int total;
            await using (var source = await site.OpenReadAsync(expected.Key, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // Read one byte past the recorded length so a longer copy is caught without reading all of it.
                total = await source.ReadAtLeastAsync(buffer.AsMemory(0, length + 1), length + 1, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }

            if (total != length)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, BlobCopyState.Corrupted);
            }

            if (!BlobHasher.MatchesForServing(expected, buffer.AsSpan(0, length)))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, BlobCopyState.Corrupted);
            }

            return (new PooledReadStream(buffer, length), BlobCopyState.Good);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A read-only stream over a rented buffer, returned to the pool on dispose.</summary>
    private sealed class PooledReadStream(byte[] buffer, int length) : MemoryStream(buffer, 0, length, writable: false)
    {
        private byte[]? _buffer = buffer;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Interlocked.Exchange(ref _buffer, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
