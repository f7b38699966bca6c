namespace Teleread.Archive.Storage;

/// <summary>
/// Rules for keys: relative paths of '/'-separated segments made of letters, digits and <c>-_.=+@</c>;
/// no empty, "." or ".." segment, no segment starting with '.' (stores keep their temporary files there).
/// </summary>
public static class BlobKey
{
    public const int MaxLength = 512;

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new InvalidBlobKeyException(key, "it is empty");
        }

        if (key.Length > MaxLength)
        {
            throw new InvalidBlobKeyException(key, $"it is longer than {MaxLength} characters");
        }

        if (key[0] == '/')
        {
            throw new InvalidBlobKeyException(key, "it is absolute (starts with '/')");
        }

        var segmentStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == key.Length || key[i] == '/')
            {
                var segment = key.AsSpan(segmentStart, i - segmentStart);
                if (segment.IsEmpty)
                {
                    throw new InvalidBlobKeyException(key, "it has an empty segment");
                }

                if (segment is ".." or ".")
                {
                    throw new InvalidBlobKeyException(key, $"it has a '{segment}' segment");
                }

                if (segment[0] == '.')
                {
                    throw new InvalidBlobKeyException(key, "a segment starts with '.'");
                }

                segmentStart = i + 1;
                continue;
            }

            if (!IsAllowed(key[i]))
            {
                throw new InvalidBlobKeyException(key, $"character U+{(int)key[i]:X4} is not allowed");
            }
        }
    }

    /// <summary>A list prefix: empty, or the start of a key (it may end with '/' or mid-segment).</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        var trimmed = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        if (trimmed.Length == 0)
        {
            throw new InvalidBlobKeyException(prefix, "a prefix cannot be '/'");
        }

        Validate(trimmed);
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or '+' or '@';
}
