namespace Teleread.Server.Demo;

/// <summary>What `teleread demo` writes to DATA/demo-credentials.json for people and scripts.</summary>
public sealed record DemoCredentials(
    string Url,
    DemoDicomEndpoint Dicom,
    IReadOnlyList<DemoUser> Users,
    IReadOnlyList<DemoClinic> Clinics);

public sealed record DemoDicomEndpoint(string Host, int Port, string AeTitle);

public sealed record DemoUser(string Login, string Password, string Role, string? Clinic, string DisplayName);

public sealed record DemoClinic(string Id, string Name, IReadOnlyList<string> AeTitles, string ApiToken);
