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

    /// <summary>The longest routine target a contract may promise (30 days); beyond it the terms are a typing error.</summary>
    public const int MaxRoutineHours = 720;

    /// <summary>
    /// Why these terms cannot be a contract's, one sentence each for the operator who typed them; empty when they are sound.
    /// Deadlines are computed from every stored contract, so terms failing here would fail (or mislead) every request.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TimeZoneId is null || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            problems.Add($"Unknown time zone '{TimeZoneId}' in the SLA terms.");
        }

        if (UrgentMinutes <= 0)
        {
            problems.Add($"The urgent target must be at least 1 minute (got {UrgentMinutes}).");
        }

        if (RoutineHours is <= 0 or > MaxRoutineHours)
        {
            problems.Add($"The routine target must be between 1 and {MaxRoutineHours} hours (got {RoutineHours}).");
        }
        else if (UrgentMinutes > RoutineHours * 60)
        {
            problems.Add($"The urgent target ({UrgentMinutes} min) must not be longer than the routine target ({RoutineHours} h).");
        }

        if (SameDayDue <= SameDayCutoff)
        {
            problems.Add($"Same-day requests must be due after the cut-off (received by {SameDayCutoff:HH\\:mm}, due at {SameDayDue:HH\\:mm}).");
        }

        if (BusinessCloses.ToTimeSpan() - BusinessOpens.ToTimeSpan() < TimeSpan.FromHours(1))
        {
            problems.Add($"Business hours must open at least an hour before they close ({BusinessOpens:HH\\:mm}–{BusinessCloses:HH\\:mm}).");
        }

        return problems;
    }

    public BusinessCalendar Calendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), BusinessOpens, BusinessCloses,
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        ObservesJapaneseHolidays);
}
