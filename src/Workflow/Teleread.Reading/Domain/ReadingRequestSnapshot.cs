namespace Teleread.Reading.Domain;

/// <summary>The stored form of a <see cref="ReadingRequest"/>.</summary>
public sealed record ReadingRequestSnapshot(
    Guid Id,
    string ClinicId,
    string PatientId,
    string StudyReference,
    ReadingRequestDetails Details,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline,
    bool RequiresSecondReading,
    bool RequiresQaCheck,
    ReadingState State,
    string? AssignedRadiologistId,
    string? SecondReaderId,
    bool SecondReadingDone,
    bool QaCheckDone,
    int AddendumCount,
    DateTimeOffset LastImageAt,
    string? LockHolder,
    DateTimeOffset? LockExpiresAt,
    int Version,
    IReadOnlyList<ReadingTransition> Timeline,
    RequestOrigin Origin = RequestOrigin.Clinic);
