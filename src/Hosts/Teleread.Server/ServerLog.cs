namespace Teleread.Server;

/// <summary>The server's log catalogue (convention 6): event ids 1000–1999. No patient data above Debug.</summary>
public static partial class ServerLog
{
    [LoggerMessage(1000, LogLevel.Information, "Teleread listening on {Urls} (data: {DataDirectory}, database: {Database})")]
    public static partial void Started(ILogger logger, string urls, string dataDirectory, string database);

    [LoggerMessage(1001, LogLevel.Information, "Applied {Count} database migration(s)")]
    public static partial void MigrationsApplied(ILogger logger, int count);

    [LoggerMessage(1007, LogLevel.Warning, "Settled instances left mid-commit by the last stop: {Kept} kept (blob intact), {Withdrawn} withdrawn (blob on no site), {Restored} restored from the journal, {Undecided} left for a later round (a storage site unreachable, or possibly another process's commit still running)")]
    public static partial void IngestIntentsSettled(ILogger logger, int kept, int withdrawn, int restored, int undecided);

    [LoggerMessage(1002, LogLevel.Error, "Could not write an audit event")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(1003, LogLevel.Warning, "Sign-in refused for login {Login}")]
    public static partial void SignInRefused(ILogger logger, string login);

    [LoggerMessage(1004, LogLevel.Information, "Demo data created: {Clinics} clinics, {Users} users")]
    public static partial void DemoSeeded(ILogger logger, int clinics, int users);

    [LoggerMessage(1005, LogLevel.Information, "Stopping: waiting up to {Seconds} s for in-flight work")]
    public static partial void Stopping(ILogger logger, int seconds);

    [LoggerMessage(1006, LogLevel.Warning, "Readiness check failed: {Component}")]
    public static partial void NotReady(ILogger logger, string component, Exception exception);
}
