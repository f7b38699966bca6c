using Teleread.Testing;

namespace Teleread.Interop.Tests.Cli;

/// <summary>Runs the built `teleread` CLI (copied next to the tests) as its own process, so its output can be asserted.</summary>
public static class TelereadCli
{
    public static Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "teleread.dll"), .. args], TimeSpan.FromSeconds(120));
}
