namespace Teleread.Reading.Domain;

/// <summary>A weekly recurring shift in the radiologist's own time zone; may run past midnight.</summary>
public sealed record ShiftWindow(DayOfWeek Day, TimeOnly Start, TimeSpan Length)
{
    public static ShiftWindow Of(DayOfWeek day, string start, double hours) => new(day, TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(hours));
}
