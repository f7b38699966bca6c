namespace Teleread.Cli;

/// <summary>Wrong arguments: the command prints this message and its usage, and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
