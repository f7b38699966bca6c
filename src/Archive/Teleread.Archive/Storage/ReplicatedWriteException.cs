namespace Teleread.Archive.Storage;

/// <summary>A replicated write was not acknowledged because one site could not take it; the caller must retry.</summary>
public sealed class ReplicatedWriteException(string key, string site, Exception innerException)
    : BlobStoreException($"Write of '{key}' failed at site '{site}'; it is not acknowledged: {innerException.Message}", innerException)
{
    public string Key { get; } = key;

    public string Site { get; } = site;
}
