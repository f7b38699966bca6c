namespace Teleread.Reading.Domain;

/// <summary>A study as Reading knows it: the archive's reference, not DICOM identifiers.</summary>
public sealed record Study(string ClinicId, string PatientId, string Reference, ImagingModality Modality, BodyRegion BodyRegion, DateTimeOffset PerformedAt);
