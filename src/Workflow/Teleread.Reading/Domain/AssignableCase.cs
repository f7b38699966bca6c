namespace Teleread.Reading.Domain;

/// <summary>What the assignment engine needs to know about a queued request.</summary>
public sealed record AssignableCase(
    Guid RequestId,
    string ClinicId,
    ImagingModality Modality,
    BodyRegion BodyRegion,
    Subspecialty? RequiredSubspecialty,
    ReadingPriority Priority,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline,
    double ExpectedReadingMinutes,
    string? ReportLanguage = null)
{
    public static AssignableCase From(ReadingRequest r, double expectedReadingMinutes) => new(r.Id, r.ClinicId, r.Details.Modality,
        r.Details.BodyRegion, r.Details.RequiredSubspecialty, r.Details.Priority, r.ReceivedAt, r.Deadline, expectedReadingMinutes, r.Details.ReportLanguage);
}
