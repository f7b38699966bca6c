using Teleread.Server;

namespace Teleread.Cli.Commands;

public sealed class DemoCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["demo"];

    public string Summary => "Run the server with demo clinics, radiologists and sample studies";

    public string Usage => """
        Usage: teleread demo [same options as serve]
        On first start creates two clinics (AE titles DEMO_CLINIC_A, DEMO_CLINIC_B), three radiologists,
        an operator and sample studies, prints the URL and logins, and writes DATA/demo-credentials.json.
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        ServerRunner.RunAsync([.. args], demo: true, cancellationToken);
}
