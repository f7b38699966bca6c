namespace Teleread.Identity;

public sealed record User(string Id, string Login, string DisplayName, Role Role, string? ClinicId, bool Disabled);
