namespace Teleread.Cli;

/// <summary>
/// One `teleread` subcommand. Implementations are discovered by reflection, so a capability adds
/// a command by adding one file under Commands/ and nothing else.
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that select the command, e.g. ["dicom", "dump"].</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>One line for `teleread --help`.</summary>
    string Summary { get; }

    /// <summary>Full usage text for `teleread PATH --help`.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments that follow the path; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
