namespace Teleread.Reading.Application;

/// <summary>
/// Images of a study stored for a clinic. <paramref name="Study"/> describes the study as its images do; without it
/// (the operator API) an arrival only moves existing requests. <paramref name="Channel"/> names how they came ("C-STORE").
/// </summary>
public sealed record ImagesReceived(string ClinicId, string StudyReference, int Count, StudyFromImages? Study = null, string Channel = "the archive");
