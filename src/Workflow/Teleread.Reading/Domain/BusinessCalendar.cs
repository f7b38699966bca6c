namespace Teleread.Reading.Domain;

/// <summary>Opening hours on working days in one time zone, optionally closed on Japanese public holidays.</summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysScanned = 3700;

    public BusinessCalendar(TimeZoneInfo zone, TimeOnly opens, TimeOnly closes, IReadOnlySet<DayOfWeek> workingDays, bool closedOnJapaneseHolidays)
    {
        if (closes <= opens)
        {
            throw new ArgumentException($"Business hours must open before they close ({opens}–{closes}).", nameof(closes));
        }

        if (workingDays.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working day.", nameof(workingDays));
        }

        Zone = zone;
        Opens = opens;
        Closes = closes;
        WorkingDays = workingDays;
        ClosedOnJapaneseHolidays = closedOnJapaneseHolidays;
    }

    public TimeZoneInfo Zone { get; }
    public TimeOnly Opens { get; }
    public TimeOnly Closes { get; }
    public IReadOnlySet<DayOfWeek> WorkingDays { get; }
    public bool ClosedOnJapaneseHolidays { get; }

    public bool IsBusinessDay(DateOnly day) =>
        WorkingDays.Contains(day.DayOfWeek) && !(ClosedOnJapaneseHolidays && JapaneseHolidays.IsHoliday(day));

    public DateOnly NextBusinessDayOnOrAfter(DateOnly day)
    {
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException("No business day found within ten years; check the calendar.");
    }

    /// <summary>Adds working time: only the hours between opening and closing on business days count.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        var local = ZonedTime.ToLocal(start, Zone);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var remaining = duration;
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1), time = TimeOnly.MinValue)
        {
            if (!IsBusinessDay(day) || time >= Closes)
            {
                continue;
            }

            var from = time < Opens ? Opens : time;
            var available = Closes - from;
            if (remaining <= available)
            {
                // Zero remaining at the start of a day still means "when we open", never "before we open".
                return ZonedTime.ToInstant(day.ToDateTime(from).Add(remaining), Zone);
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Business time could not be added within ten years; check the calendar.");
    }
}
