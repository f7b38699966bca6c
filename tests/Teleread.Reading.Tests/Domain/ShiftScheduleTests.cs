using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

public sealed class ShiftScheduleTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public void A_night_shift_runs_past_midnight_into_the_next_day()
    {
        var night = new ShiftSchedule("Asia/Tokyo", [ShiftWindow.Of(DayOfWeek.Monday, "22:00", 10)]);
        Assert.True(night.IsOnShift(new DateTimeOffset(2026, 6, 2, 3, 0, 0, Jst)));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 8, 0, 0, Jst), night.ShiftEndAt(new DateTimeOffset(2026, 6, 1, 23, 0, 0, Jst)));
        Assert.False(night.IsOnShift(new DateTimeOffset(2026, 6, 2, 8, 0, 0, Jst)));
        Assert.False(night.IsOnShift(new DateTimeOffset(2026, 6, 1, 21, 59, 0, Jst)));
    }

    [Fact]
    public void A_shift_in_berlin_covers_the_japanese_evening()
    {
        var berlin = TestData.Weekdays("Europe/Berlin", "09:00", 8);
        // 09:00 CEST = 16:00 JST in June.
        Assert.False(berlin.IsOnShift(new DateTimeOffset(2026, 6, 1, 15, 59, 0, Jst)));
        Assert.True(berlin.IsOnShift(new DateTimeOffset(2026, 6, 1, 16, 0, 0, Jst)));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 0, 0, Jst), berlin.ShiftEndAt(new DateTimeOffset(2026, 6, 1, 20, 0, 0, Jst)));
    }

    [Fact]
    public void Occurrences_list_every_shift_start_in_a_range()
    {
        var weekdays = TestData.Weekdays("Asia/Tokyo", "08:00", 9);
        var week = weekdays.Occurrences(new DateTimeOffset(2026, 6, 1, 0, 0, 0, Jst), new DateTimeOffset(2026, 6, 8, 0, 0, 0, Jst)).ToList();
        Assert.Equal(5, week.Count);
        Assert.All(week, s => Assert.Equal(TimeSpan.FromHours(9), s.End - s.Start));
    }
}
