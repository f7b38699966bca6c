using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

public sealed class DeadlineCalculatorTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public void Urgent_is_sixty_minutes_across_midnight_and_month_end()
    {
        var received = new DateTimeOffset(2026, 1, 31, 23, 30, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 30, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.Urgent, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Same_day_before_the_cutoff_is_due_that_evening()
    {
        var received = new DateTimeOffset(2026, 6, 1, 14, 59, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 20, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Same_day_after_the_cutoff_on_a_month_end_is_due_the_next_evening()
    {
        var received = new DateTimeOffset(2026, 1, 31, 15, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 20, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Same_day_after_the_cutoff_on_february_28_of_a_leap_year_is_due_on_the_29th()
    {
        var received = new DateTimeOffset(2028, 2, 28, 16, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 20, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Same_day_received_in_utc_is_judged_by_the_contracts_local_clock()
    {
        // 05:30 UTC is 14:30 JST: before the cut-off, due 20:00 JST = 11:00 UTC.
        var received = new DateTimeOffset(2026, 6, 1, 5, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Business_same_day_after_the_cutoff_on_new_years_eve_waits_for_the_first_working_day()
    {
        var received = new DateTimeOffset(2026, 12, 31, 16, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 18, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.BusinessHoursJapan));
    }

    [Fact]
    public void Business_same_day_on_a_public_holiday_is_due_the_next_working_day()
    {
        // 2026-11-23 (Monday) is 勤労感謝の日.
        var received = new DateTimeOffset(2026, 11, 23, 10, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 18, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, SlaTerms.BusinessHoursJapan));
    }

    [Fact]
    public void Routine_in_business_hours_skips_golden_week()
    {
        // 1 h on Apr 30, 9 h on May 1, Golden Week May 2–6 closed, then 9+9+9+9 h, and 2 h on May 13.
        var received = new DateTimeOffset(2026, 4, 30, 17, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 5, 13, 11, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.Routine, received, SlaTerms.BusinessHoursJapan));
    }

    [Fact]
    public void Routine_received_at_night_starts_counting_when_business_opens()
    {
        var terms = SlaTerms.BusinessHoursJapan with { RoutineHours = 2 };
        var received = new DateTimeOffset(2026, 6, 1, 23, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 11, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.Routine, received, terms));
    }

    [Fact]
    public void Routine_wall_clock_is_24_hours_across_a_month_end()
    {
        var received = new DateTimeOffset(2026, 4, 30, 22, 0, 0, Jst);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 22, 0, 0, Jst), DeadlineCalculator.Compute(ReadingPriority.Routine, received, SlaTerms.Standard24x7));
    }

    [Fact]
    public void Business_hours_in_another_time_zone_cross_daylight_saving_correctly()
    {
        // Berlin springs forward on 2026-03-29: Friday 17:00 CET + 2 business hours = Monday 10:00 CEST = 08:00 UTC.
        var terms = SlaTerms.BusinessHoursJapan with { TimeZoneId = "Europe/Berlin", RoutineHours = 2, ObservesJapaneseHolidays = false };
        var received = new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), DeadlineCalculator.Compute(ReadingPriority.Routine, received, terms));
    }

    [Fact]
    public void A_same_day_due_time_inside_the_spring_forward_gap_moves_forward_not_back()
    {
        var terms = SlaTerms.Standard24x7 with { TimeZoneId = "Europe/Berlin", SameDayCutoff = new TimeOnly(1, 0), SameDayDue = new TimeOnly(2, 30) };
        var received = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.FromHours(1));
        // 02:30 does not exist that night; it becomes 03:30 CEST = 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DeadlineCalculator.Compute(ReadingPriority.SameDay, received, terms));
    }
}
