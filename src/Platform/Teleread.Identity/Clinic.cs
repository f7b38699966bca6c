namespace Teleread.Identity;

/// <summary>A tenant: one clinic that sends studies. Its devices call with <see cref="AeTitles"/>.</summary>
public sealed record Clinic(string Id, string Name, IReadOnlyList<string> AeTitles);
