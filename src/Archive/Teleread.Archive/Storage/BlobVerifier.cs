using System.Security.Cryptography;

namespace Teleread.Archive.Storage;

public enum BlobCopyState
{
    Good,
    Missing,
    Corrupted,
    Unavailable,
}

/// <summary>Checks one site's copy of an object against what the index recorded, by streaming it through SHA-256.</summary>
public static class BlobVerifier
{
    public static async Task<BlobCopyState> CheckAsync(IBlobStore site, BlobExpectation expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(expected);
        try
        {
            var info = await site.GetInfoAsync(expected.Key, cancellationToken).ConfigureAwait(false);
            if (info is null)
            {
                return BlobCopyState.Missing;
            }

            if (info.Length != expected.Length)
            {
                return BlobCopyState.Corrupted;
            }

            await using var stream = await site.OpenReadAsync(expected.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            return hash == expected.Sha256 ? BlobCopyState.Good : BlobCopyState.Corrupted;
        }
        catch (BlobNotFoundException)
        {
            return BlobCopyState.Missing;
        }
        catch (Exception e) when (IsSiteFailure(e, cancellationToken))
        {
            return BlobCopyState.Unavailable;
        }
    }

    /// <summary>A failure of the site itself (I/O, network, service), as opposed to a caller error or cancellation.</summary>
    internal static bool IsSiteFailure(Exception e, CancellationToken cancellationToken) =>
        e is not (InvalidBlobKeyException or BlobRangeException or ArgumentException)
        && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
