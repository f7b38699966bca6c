namespace Teleread.Archive.Storage;

/// <summary>A byte range: <see cref="Length"/> null means "to the end"; a range running past the end is cut at the end.</summary>
public readonly record struct BlobRange
{
    public BlobRange(long offset, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(l, nameof(length));
        }

        Offset = offset;
        Length = length;
    }

    public long Offset { get; }

    public long? Length { get; }

    /// <summary>The number of bytes this range selects from an object of <paramref name="objectLength"/> bytes.</summary>
    /// <exception cref="BlobRangeException">The range starts past the end.</exception>
    public long ResolveLength(string key, long objectLength)
    {
        if (Offset > objectLength)
        {
            throw new BlobRangeException(key, this, objectLength);
        }

        var available = objectLength - Offset;
        return Length is { } l ? Math.Min(l, available) : available;
    }

    public override string ToString() => Length is { } l ? $"{Offset}+{l}" : $"{Offset}-";
}
