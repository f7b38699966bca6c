using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests.Domain;

/// <summary>What <see cref="SlaTerms.Problems"/> refuses before terms become a contract's (the API answers 400 with these).</summary>
public sealed class SlaTermsTests
{
    [Fact]
    public void The_standard_terms_and_an_urgent_target_as_long_as_the_routine_one_are_sound()
    {
        Assert.Empty(SlaTerms.Standard24x7.Problems());
        Assert.Empty(SlaTerms.BusinessHoursJapan.Problems());
        Assert.Empty((SlaTerms.Standard24x7 with { UrgentMinutes = 60, RoutineHours = 1 }).Problems());
        Assert.Empty((SlaTerms.Standard24x7 with { RoutineHours = SlaTerms.MaxRoutineHours, BusinessOpens = new(9, 0), BusinessCloses = new(10, 0) }).Problems());
    }

    public static TheoryData<string, SlaTerms, string> Nonsense => new()
    {
        { "zero urgent", SlaTerms.Standard24x7 with { UrgentMinutes = 0 }, "The urgent target must be at least 1 minute (got 0)." },
        { "negative urgent", SlaTerms.Standard24x7 with { UrgentMinutes = -5 }, "The urgent target must be at least 1 minute (got -5)." },
        { "zero routine", SlaTerms.Standard24x7 with { RoutineHours = 0 }, "The routine target must be between 1 and 720 hours (got 0)." },
        { "routine past a month", SlaTerms.Standard24x7 with { RoutineHours = 721 }, "The routine target must be between 1 and 720 hours (got 721)." },
        { "urgent longer than routine", SlaTerms.Standard24x7 with { UrgentMinutes = 181, RoutineHours = 3 },
            "The urgent target (181 min) must not be longer than the routine target (3 h)." },
        { "same-day due before the cut-off", SlaTerms.Standard24x7 with { SameDayCutoff = new(15, 0), SameDayDue = new(14, 0) },
            "Same-day requests must be due after the cut-off (received by 15:00, due at 14:00)." },
        { "same-day due at the cut-off", SlaTerms.Standard24x7 with { SameDayCutoff = new(15, 0), SameDayDue = new(15, 0) },
            "Same-day requests must be due after the cut-off (received by 15:00, due at 15:00)." },
        { "business hours closing before opening", SlaTerms.Standard24x7 with { BusinessOpens = new(18, 0), BusinessCloses = new(9, 0) },
            "Business hours must open at least an hour before they close (18:00–09:00)." },
        { "business hours under an hour", SlaTerms.Standard24x7 with { BusinessOpens = new(9, 0), BusinessCloses = new(9, 30) },
            "Business hours must open at least an hour before they close (09:00–09:30)." },
        { "unknown time zone", SlaTerms.Standard24x7 with { TimeZoneId = "Mars/Olympus" }, "Unknown time zone 'Mars/Olympus' in the SLA terms." },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Nonsense_terms_are_refused_with_one_clear_sentence(string because, SlaTerms terms, string expected)
    {
        Assert.True(terms.Problems() is [var only] && only == expected, $"{because}: {string.Join(" | ", terms.Problems())}");
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var terms = SlaTerms.Standard24x7 with { UrgentMinutes = 0, RoutineHours = -1, SameDayDue = new(10, 0) };
        Assert.Equal(3, terms.Problems().Count);
    }

    [Fact]
    public void Sound_terms_always_give_a_deadline_after_receipt()
    {
        var terms = SlaTerms.BusinessHoursJapan with { RoutineHours = SlaTerms.MaxRoutineHours, BusinessOpens = new(9, 0), BusinessCloses = new(10, 0) };
        var received = new DateTimeOffset(2026, 12, 28, 9, 30, 0, TimeSpan.FromHours(9));
        foreach (var priority in Enum.GetValues<ReadingPriority>())
        {
            Assert.True(DeadlineCalculator.Compute(priority, received, terms) > received, priority.ToString());
        }
    }
}
