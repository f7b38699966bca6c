using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>What a clinic submits to open a reading request for one of its studies.</summary>
public sealed record NewReadingRequest(
    string ClinicId,
    string PatientId,
    string StudyReference,
    ReadingRequestDetails Details,
    bool AskForSecondReading = false);
