namespace Teleread.Reading.Domain;

/// <summary>Local wall-clock time ↔ instant in a time zone, with a rule for the daylight-saving gap and overlap.</summary>
public static class ZonedTime
{
    /// <summary>
    /// A wall-clock time that does not exist (spring-forward gap) moves forward by the gap; an ambiguous one
    /// (fall-back overlap) takes the earlier instant, so deadlines never land later than the contract says.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            local = local + (after - before);
        }

        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
}
