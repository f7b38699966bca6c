using Teleread.Server;

namespace Teleread.Cli.Commands;

public sealed class ServeCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["serve"];

    public string Summary => "Run the server: web app, APIs, DICOMweb, DICOM port, background work";

    public string Usage => """
        Usage: teleread serve [--urls URL] [--data DIR] [--dicom-port N] [--ae-title AET]
                              [--database sqlite|postgres] [--connection-string CS] [--log-format text|json]
        Defaults: http://127.0.0.1:8080, ./data (SQLite + local object storage), DICOM port 11112, AE TELEREAD.
        Every setting can also come from appsettings.json or environment variables (docs/configuration.md).
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        ServerRunner.RunAsync([.. args], demo: false, cancellationToken);
}
