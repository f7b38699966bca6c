namespace Teleread.Reading.Domain;

/// <summary>
/// Turnaround promised by a contract. Urgent: minutes around the clock. Same-day: received before the cut-off
/// (local time, on a service day) → due that day at <see cref="SameDayDue"/>; otherwise due on the next service day.
/// Routine: hours, counted around the clock or in business hours.
/// </summary>
public sealed record SlaTerms(
    string TimeZoneId,
    int UrgentMinutes,
    TimeOnly SameDayCutoff,
    TimeOnly SameDayDue,
    bool SameDayOnBusinessDaysOnly,
    int RoutineHours,
    RoutineClock RoutineClock,
    TimeOnly BusinessOpens,
    TimeOnly BusinessCloses,
    bool ObservesJapaneseHolidays)
{
    /// <summary>Round the clock, 365 days: urgent 60 min, same-day before 15:00 due 20:00, routine 24 h.</summary>
    public static SlaTerms Standard24x7 { get; } = new("Asia/Tokyo", 60, new TimeOnly(15, 0), new TimeOnly(20, 0), false, 24,
        RoutineClock.WallClock, new TimeOnly(9, 0), new TimeOnly(18, 0), ObservesJapaneseHolidays: false);

    /// <summary>Business-hours contract: same-day and routine count only Mon–Fri 9:00–18:00 outside Japanese holidays.</summary>
    public static SlaTerms BusinessHoursJapan { get; } = new("Asia/Tokyo", 60, new TimeOnly(15, 0), new TimeOnly(18, 0), true, 48,
        RoutineClock.BusinessHours, new TimeOnly(9, 0), new TimeOnly(18, 0), ObservesJapaneseHolidays: true);

    public BusinessCalendar Calendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), BusinessOpens, BusinessCloses,
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        ObservesJapaneseHolidays);
}
