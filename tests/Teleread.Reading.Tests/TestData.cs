using Teleread.Reading.Domain;

namespace Teleread.Reading.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset Monday0900Jst = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static ReadingRequestDetails Details(ReadingPriority priority = ReadingPriority.Routine, ImagingModality modality = ImagingModality.CT,
        BodyRegion region = BodyRegion.Chest, Subspecialty? required = null) =>
        new("Cough for 3 weeks; rule out pneumonia", modality, region, priority, "Dr. Sato",
            [new Attachment("referral-letter", "shoukaijou.pdf", "blob:att-1")], ["study-prior-1"], required);

    public static ReadingRequest Request(DateTimeOffset? receivedAt = null, ReadingPriority priority = ReadingPriority.Routine,
        bool secondReading = false, bool qa = false, Guid? id = null, string clinic = "clinic-a")
    {
        var at = receivedAt ?? Monday0900Jst;
        return ReadingRequest.Receive(id ?? Guid.NewGuid(), clinic, "patient-1", "study-1", Details(priority), at,
            DeadlineCalculator.Compute(priority, at, SlaTerms.Standard24x7), secondReading, qa);
    }

    public static RadiologistProfile Radiologist(string id, ShiftSchedule? shifts = null, ImagingModality[]? modalities = null,
        Subspecialty[]? subspecialties = null, string[]? credentials = null, string[]? excluded = null, int capacity = 6, bool board = true) =>
        new(id, $"Dr. {id}", board, 10,
            new HashSet<Subspecialty>(subspecialties ?? [Subspecialty.General]),
            new HashSet<ImagingModality>(modalities ?? [ImagingModality.CT, ImagingModality.MR, ImagingModality.XRay]),
            new HashSet<string>(credentials ?? []),
            new HashSet<string> { "ja" },
            shifts ?? AlwaysOn,
            capacity,
            new HashSet<string>(excluded ?? []));

    public static ShiftSchedule AlwaysOn { get; } = new("Asia/Tokyo", Enum.GetValues<DayOfWeek>().Select(d => new ShiftWindow(d, TimeOnly.MinValue, TimeSpan.FromHours(24))).ToList());

    public static ShiftSchedule Weekdays(string zone, string start, double hours) =>
        new(zone, new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => ShiftWindow.Of(d, start, hours)).ToList());
}
