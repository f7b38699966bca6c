namespace Teleread.Reading.Domain;

/// <summary>A patient as one clinic knows them; the same person at two clinics is two patients.</summary>
public sealed record Patient(string ClinicId, string Id, string Name, DateOnly? BirthDate, string? Sex);
