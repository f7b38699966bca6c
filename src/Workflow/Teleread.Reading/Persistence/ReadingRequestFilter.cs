using Teleread.Reading.Domain;

namespace Teleread.Reading.Persistence;

public sealed record ReadingRequestFilter(
    string? ClinicId = null,
    string? RadiologistId = null,
    IReadOnlyList<ReadingState>? States = null,
    string? StudyReference = null,
    string? SecondReaderId = null,
    string? PatientId = null,
    int Limit = 500);
