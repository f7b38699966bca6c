namespace Teleread.Reading.Domain;

/// <summary>Computes a request's SLA deadline from the contract's terms and the instant the request was received.</summary>
public static class DeadlineCalculator
{
    public static DateTimeOffset Compute(ReadingPriority priority, DateTimeOffset receivedAt, SlaTerms terms)
    {
        var calendar = terms.Calendar();
        return priority switch
        {
            ReadingPriority.Urgent => receivedAt.ToUniversalTime().AddMinutes(terms.UrgentMinutes),
            ReadingPriority.SameDay => SameDay(receivedAt, terms, calendar),
            ReadingPriority.Routine when terms.RoutineClock == RoutineClock.BusinessHours =>
                calendar.AddBusinessTime(receivedAt, TimeSpan.FromHours(terms.RoutineHours)),
            ReadingPriority.Routine => receivedAt.ToUniversalTime().AddHours(terms.RoutineHours),
            _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
        };
    }

    private static DateTimeOffset SameDay(DateTimeOffset receivedAt, SlaTerms terms, BusinessCalendar calendar)
    {
        var local = ZonedTime.ToLocal(receivedAt, calendar.Zone);
        var day = DateOnly.FromDateTime(local);
        var beforeCutoff = TimeOnly.FromDateTime(local) < terms.SameDayCutoff;
        if (terms.SameDayOnBusinessDaysOnly)
        {
            var today = calendar.IsBusinessDay(day) && beforeCutoff;
            day = today ? day : calendar.NextBusinessDayOnOrAfter(day.AddDays(1));
        }
        else if (!beforeCutoff)
        {
            day = day.AddDays(1);
        }

        return ZonedTime.ToInstant(day.ToDateTime(terms.SameDayDue), calendar.Zone);
    }
}
