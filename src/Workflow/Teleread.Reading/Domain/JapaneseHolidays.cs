namespace Teleread.Reading.Domain;

/// <summary>
/// Japanese public holidays (国民の祝日 and 休日) computed by rule for 2000–2099: fixed days, Happy Monday days,
/// the equinox approximation used by the National Astronomical Observatory for 1980–2099, substitute holidays
/// (振替休日) and citizens' holidays (国民の休日), plus the one-off dates set by special laws (2019 enthronement,
/// 2020/2021 Olympic moves). Dates the Cabinet Office will announce later are assumed to follow the same rules.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    private static readonly Dictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = [];
    private static readonly Lock CacheLock = new();

    public static bool IsHoliday(DateOnly date) => ForYear(date.Year).ContainsKey(date);

    public static string? NameOf(DateOnly date) => ForYear(date.Year).GetValueOrDefault(date);

    public static IReadOnlyDictionary<DateOnly, string> ForYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Japanese holidays are computed for {FirstYear}–{LastYear}.");
        }

        lock (CacheLock)
        {
            if (!Cache.TryGetValue(year, out var map))
            {
                Cache[year] = map = Compute(year);
            }

            return map;
        }
    }

    public static int VernalEquinoxDay(int year) => (int)Math.Floor(20.8431 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    public static int AutumnalEquinoxDay(int year) => (int)Math.Floor(23.2488 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    private static SortedDictionary<DateOnly, string> Compute(int year)
    {
        var national = new SortedDictionary<DateOnly, string>();
        void Add(int month, int day, string name) => national[new DateOnly(year, month, day)] = name;

        Add(1, 1, "元日");
        national[NthMonday(year, 1, 2)] = "成人の日";
        Add(2, 11, "建国記念の日");
        if (year >= 2020)
        {
            Add(2, 23, "天皇誕生日");
        }

        Add(3, VernalEquinoxDay(year), "春分の日");
        Add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
        Add(5, 3, "憲法記念日");
        if (year >= 2007)
        {
            Add(5, 4, "みどりの日");
        }

        Add(5, 5, "こどもの日");
        switch (year)
        {
            case 2020:
                Add(7, 23, "海の日");
                Add(7, 24, "スポーツの日");
                Add(8, 10, "山の日");
                break;
            case 2021:
                Add(7, 22, "海の日");
                Add(7, 23, "スポーツの日");
                Add(8, 8, "山の日");
                break;
            default:
                national[year >= 2003 ? NthMonday(year, 7, 3) : new DateOnly(year, 7, 20)] = "海の日";
                if (year >= 2016)
                {
                    Add(8, 11, "山の日");
                }

                national[NthMonday(year, 10, 2)] = year >= 2020 ? "スポーツの日" : "体育の日";
                break;
        }

        national[year >= 2003 ? NthMonday(year, 9, 3) : new DateOnly(year, 9, 15)] = "敬老の日";
        Add(9, AutumnalEquinoxDay(year), "秋分の日");
        Add(11, 3, "文化の日");
        Add(11, 23, "勤労感謝の日");
        if (year <= 2018)
        {
            Add(12, 23, "天皇誕生日");
        }

        if (year == 2019)
        {
            Add(5, 1, "即位の日");
            Add(10, 22, "即位礼正殿の儀");
        }

        var all = new SortedDictionary<DateOnly, string>(national);

        // 国民の休日: a day that is not itself a holiday, sandwiched between two national holidays
        // (before 2007 the law also excluded Sundays and substitute holidays; handled by the order below).
        foreach (var date in national.Keys)
        {
            var between = date.AddDays(1);
            if (!national.ContainsKey(between) && national.ContainsKey(between.AddDays(1)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                all.TryAdd(between, "国民の休日");
            }
        }

        // 振替休日: since 2007 the first following day that is not a national holiday; before, only the next day.
        foreach (var date in national.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            var substitute = date.AddDays(1);
            if (year >= 2007)
            {
                while (national.ContainsKey(substitute))
                {
                    substitute = substitute.AddDays(1);
                }
            }
            else if (national.ContainsKey(substitute))
            {
                continue;
            }

            // Before 2007 a Monday that was already a citizens' holiday was not doubled; same outcome as TryAdd.
            if (!all.ContainsKey(substitute) || all[substitute] == "国民の休日")
            {
                all[substitute] = "振替休日";
            }
        }

        return all;
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
