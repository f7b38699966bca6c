namespace Teleread.Archive.Storage;

/// <summary>Base of every storage failure that callers may want to map (DIMSE status, HTTP problem).</summary>
public class BlobStoreException : Exception
{
    public BlobStoreException(string message)
        : base(message)
    {
    }

    public BlobStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

public sealed class InvalidBlobKeyException(string key, string reason)
    : BlobStoreException($"Invalid blob key '{key}': {reason}.")
{
    public string Key { get; } = key;
}

public sealed class BlobNotFoundException(string store, string key)
    : BlobStoreException($"No object '{key}' in store '{store}'.")
{
    public string Store { get; } = store;

    public string Key { get; } = key;
}

public sealed class BlobRangeException(string key, BlobRange range, long objectLength)
    : BlobStoreException($"Range {range} starts past the end of object '{key}' ({objectLength} bytes).")
{
    public string Key { get; } = key;
}

/// <summary>Stored bytes do not match the recorded size or SHA-256.</summary>
public sealed class BlobIntegrityException(string store, string key, string detail)
    : BlobStoreException($"Object '{key}' in store '{store}' failed verification: {detail}.")
{
    public string Store { get; } = store;

    public string Key { get; } = key;
}
