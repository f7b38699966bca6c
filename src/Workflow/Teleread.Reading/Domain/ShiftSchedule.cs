using System.Text.Json.Serialization;

namespace Teleread.Reading.Domain;

/// <summary>A radiologist's weekly shifts in their time zone (IANA id), e.g. a Japanese radiologist living in Berlin.</summary>
public sealed class ShiftSchedule
{
    public ShiftSchedule(string timeZoneId, IReadOnlyList<ShiftWindow> windows)
    {
        TimeZoneId = timeZoneId;
        Zone = FindZone(timeZoneId);
        Windows = windows;
        if (windows.Any(w => w.Length <= TimeSpan.Zero || w.Length > TimeSpan.FromHours(24)))
        {
            throw new ArgumentException("A shift lasts more than zero and at most 24 hours.", nameof(windows));
        }
    }

    private static TimeZoneInfo FindZone(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{timeZoneId}' is not a known time zone; use an IANA id such as Asia/Tokyo or Europe/Berlin.", nameof(timeZoneId), e);
        }
    }

    public string TimeZoneId { get; }
    [JsonIgnore]
    public TimeZoneInfo Zone { get; }
    public IReadOnlyList<ShiftWindow> Windows { get; }

    /// <summary>The end of the shift running at <paramref name="instant"/>, or null when off shift.</summary>
    public DateTimeOffset? ShiftEndAt(DateTimeOffset instant)
    {
        DateTimeOffset? end = null;
        foreach (var (start, stop) in OccurrencesAround(instant))
        {
            if (start <= instant && instant < stop && (end is null || stop > end))
            {
                end = stop;
            }
        }

        return end;
    }

    public bool IsOnShift(DateTimeOffset instant) => ShiftEndAt(instant) is not null;

    /// <summary>Shift intervals (UTC) that start within [from, to), in order.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Zone).DateTime);
        var list = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var d = localDay; d <= lastDay; d = d.AddDays(1))
        {
            foreach (var w in Windows)
            {
                if (w.Day != d.DayOfWeek)
                {
                    continue;
                }

                var start = ZonedTime.ToInstant(d.ToDateTime(w.Start), Zone);
                var end = start + w.Length;
                if (start >= from && start < to)
                {
                    list.Add((start, end));
                }
            }
        }

        return list.OrderBy(x => x.Item1);
    }

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OccurrencesAround(DateTimeOffset instant) =>
        Occurrences(instant - TimeSpan.FromHours(25), instant + TimeSpan.FromMinutes(1));
}
