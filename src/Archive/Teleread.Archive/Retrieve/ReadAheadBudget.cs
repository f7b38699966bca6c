namespace Teleread.Archive.Retrieve;

/// <summary>
/// Bytes all retrieves of the process may hold opened ahead of what they are sending, together: with many viewers
/// loading large studies at once, memory stays bounded by this budget rather than by the number of requests. A
/// retrieve that finds it spent still opens its next object when its turn comes, as it would without read-ahead.
/// </summary>
public sealed class ReadAheadBudget(long bytes = ReadAheadBudget.DefaultBytes)
{
    public const long DefaultBytes = 256L << 20;

    private long _available = bytes;

    public long Available => Interlocked.Read(ref _available);

    public bool TryTake(long bytes)
    {
        var seen = Interlocked.Read(ref _available);
        while (seen >= bytes)
        {
            var before = Interlocked.CompareExchange(ref _available, seen - bytes, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }

    public void Return(long bytes) => Interlocked.Add(ref _available, bytes);
}
