namespace Teleread.Reading.Domain;

/// <summary>A clinic is a tenant: its users see only its own patients, studies and requests.</summary>
public sealed record Clinic(string Id, string Name, ClinicContract Contract, IReadOnlyList<string> AeTitles, IReadOnlyList<ClinicContact> Contacts);
