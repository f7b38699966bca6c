namespace Teleread.Archive.Storage;

public sealed record BlobInfo(string Key, long Length, DateTimeOffset LastModified);
