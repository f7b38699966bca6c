using System.Collections.Concurrent;
using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>
/// Per clinic and study, until when more images of it change nothing: every open request of the study is Received with its
/// stability clock moved less than <see cref="ReadingService.ArrivalClockResolution"/> ago, so the next arrival before then
/// would read the same requests and leave them as they are. A series of hundreds of instances then costs one query per
/// resolution step instead of one per instance.
/// <para>
/// Every write that could make an entry wrong calls <see cref="Forget"/> once its unit of work has ended (committed or
/// not). An arrival takes <see cref="Generation"/> before it reads the requests, and <see cref="Remember"/> stores nothing
/// when a write of that study ended since: what it read may be older than that write. Entries expire by themselves and at
/// most <c>capacity</c> are kept; a full memo first drops the expired ones, then remembers nothing new until some expire.
/// Thread-safe: lookups take no lock, writes and forgetting share one.
/// </para>
/// <para>
/// Only this process's writes are seen. With several server processes on one database, a change made by another process
/// (say the clinic marking the study complete there) reaches this process's arrivals when the entry expires, at most
/// <see cref="ReadingService.ArrivalClockResolution"/> later; before, they were read at once.
/// </para>
/// </summary>
public sealed class RecentArrivals
{
    public const int DefaultCapacity = 4096;

    // Writes of different studies sharing a stripe only cost the other study one memo (it is read again): never wrong.
    private const int Stripes = 256;

    private readonly ConcurrentDictionary<(string ClinicId, string StudyReference), Entry> _entries = new();
    private readonly long[] _generations = new long[Stripes];
    private readonly Lock _gate = new();
    private readonly int _capacity;

    public RecentArrivals(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>How many studies are remembered, expired ones included until they are dropped.</summary>
    public int Count => _entries.Count;

    /// <summary>Taken before the study's requests are read; hand it back to <see cref="Remember"/>.</summary>
    public long Generation(string clinicId, string studyReference) => Volatile.Read(ref _generations[Stripe((clinicId, studyReference))]);

    /// <summary>The study's open requests as they were remembered (list rows, without timelines), if an arrival at <paramref name="now"/> changes nothing.</summary>
    public bool TryRecall(string clinicId, string studyReference, DateTimeOffset now, out IReadOnlyList<ReadingRequestSnapshot> requests)
    {
        if (_entries.TryGetValue((clinicId, studyReference), out var entry) && now < entry.Until)
        {
            requests = entry.Requests;
            return true;
        }

        requests = [];
        return false;
    }

    /// <summary>
    /// Remembers that arrivals before <paramref name="until"/> change nothing and find <paramref name="requests"/>, unless a
    /// write of the study ended since <paramref name="generation"/> was taken, or a fresher entry is already there.
    /// </summary>
    public void Remember(string clinicId, string studyReference, long generation, DateTimeOffset now, DateTimeOffset until,
        IReadOnlyList<ReadingRequestSnapshot> requests)
    {
        if (until <= now)
        {
            return;
        }

        var key = (clinicId, studyReference);
        lock (_gate)
        {
            if (_generations[Stripe(key)] != generation)
            {
                return;
            }

            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.Until >= until)
                {
                    return;
                }
            }
            else if (_entries.Count >= _capacity && DropExpired(now) == 0)
            {
                return;
            }

            _entries[key] = new Entry(until, requests);
        }
    }

    /// <summary>A request of the study was written (or may have been): the next arrival reads the requests again.</summary>
    public void Forget(string clinicId, string studyReference)
    {
        var key = (clinicId, studyReference);
        lock (_gate)
        {
            _generations[Stripe(key)]++;
            _entries.TryRemove(key, out _);
        }
    }

    private int DropExpired(DateTimeOffset now)
    {
        var dropped = 0;
        foreach (var e in _entries)
        {
            if (e.Value.Until <= now && _entries.TryRemove(e))
            {
                dropped++;
            }
        }

        return dropped;
    }

    private static int Stripe((string, string) key) => (int)((uint)key.GetHashCode() % Stripes);

    private sealed record Entry(DateTimeOffset Until, IReadOnlyList<ReadingRequestSnapshot> Requests);
}
