using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

/// <summary>Expected lists are the Cabinet Office's published calendars (内閣府「国民の祝日について」).</summary>
public sealed class JapaneseHolidaysTests
{
    [Fact]
    public void Year_2019_has_the_enthronement_days_and_the_citizens_holidays_around_them()
    {
        Assert.Equal(Dates(2019, "01-01 01-14 02-11 03-21 04-29 04-30 05-01 05-02 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-23 10-14 10-22 11-03 11-04 11-23"),
            JapaneseHolidays.ForYear(2019).Keys);
        Assert.Equal("国民の休日", JapaneseHolidays.NameOf(new DateOnly(2019, 4, 30)));
        Assert.Equal("振替休日", JapaneseHolidays.NameOf(new DateOnly(2019, 5, 6)));
    }

    [Fact]
    public void Year_2020_moves_sports_marine_and_mountain_day_for_the_olympics()
    {
        Assert.Equal(Dates(2020, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-23 07-24 08-10 09-21 09-22 11-03 11-23"),
            JapaneseHolidays.ForYear(2020).Keys);
    }

    [Fact]
    public void Year_2021_moves_them_again_and_substitutes_mountain_day_on_a_sunday()
    {
        Assert.Equal(Dates(2021, "01-01 01-11 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-22 07-23 08-08 08-09 09-20 09-23 11-03 11-23"),
            JapaneseHolidays.ForYear(2021).Keys);
    }

    [Fact]
    public void Year_2026_has_a_citizens_holiday_between_respect_for_the_aged_and_the_equinox()
    {
        Assert.Equal(Dates(2026, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23"),
            JapaneseHolidays.ForYear(2026).Keys);
    }

    [Fact]
    public void Before_2007_may_4_is_a_citizens_holiday_and_the_emperors_birthday_is_december_23()
    {
        Assert.Equal("国民の休日", JapaneseHolidays.NameOf(new DateOnly(2005, 5, 4)));
        Assert.Equal("天皇誕生日", JapaneseHolidays.NameOf(new DateOnly(2005, 12, 23)));
        Assert.Equal("体育の日", JapaneseHolidays.NameOf(new DateOnly(2005, 10, 10)));
        Assert.Equal("海の日", JapaneseHolidays.NameOf(new DateOnly(2002, 7, 20)));
        Assert.Equal("敬老の日", JapaneseHolidays.NameOf(new DateOnly(2002, 9, 15)));
    }

    [Theory]
    [InlineData(2000, 20, 23)]
    [InlineData(2023, 21, 23)]
    [InlineData(2024, 20, 22)]
    [InlineData(2025, 20, 23)]
    [InlineData(2044, 20, 22)]
    [InlineData(2012, 20, 22)]
    public void Equinox_days_follow_the_observatory_formula(int year, int vernal, int autumnal)
    {
        Assert.Equal(vernal, JapaneseHolidays.VernalEquinoxDay(year));
        Assert.Equal(autumnal, JapaneseHolidays.AutumnalEquinoxDay(year));
    }

    [Fact]
    public void Every_year_from_2000_to_2099_has_a_plausible_calendar()
    {
        for (var y = JapaneseHolidays.FirstYear; y <= JapaneseHolidays.LastYear; y++)
        {
            var days = JapaneseHolidays.ForYear(y);
            Assert.InRange(days.Count, 15, 22);
            Assert.Contains(new DateOnly(y, 1, 1), days.Keys);
            Assert.All(days.Keys, d => Assert.Equal(y, d.Year));
            // A substitute holiday is never on a Sunday and always follows a Sunday holiday run.
            Assert.All(days.Where(kv => kv.Value == "振替休日"), kv => Assert.NotEqual(DayOfWeek.Sunday, kv.Key.DayOfWeek));
        }
    }

    [Fact]
    public void Years_outside_the_rule_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.ForYear(2100));
    }

    private static DateOnly[] Dates(int year, string monthDays) =>
        monthDays.Split(' ').Select(md => new DateOnly(year, int.Parse(md[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(md[3..], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
}
