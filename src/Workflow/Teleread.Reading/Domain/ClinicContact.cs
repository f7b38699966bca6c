namespace Teleread.Reading.Domain;

/// <summary>A person at the clinic to reach (critical findings reach the first contact that can be reached).</summary>
public sealed record ClinicContact(string Name, string Role, string? Phone, string? Email);
