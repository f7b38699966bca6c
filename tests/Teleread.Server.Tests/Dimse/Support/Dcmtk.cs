using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>DCMTK's SCUs run to completion (TCP_NODELAY=1 is set by <see cref="ProcessRunner"/>); a missing tool fails the test.</summary>
public static class Dcmtk
{
    public static async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> args, string? workingDirectory = null) =>
        await ProcessRunner.RunAsync(RequiredTool.Find(tool, "dcmtk"), args, TimeSpan.FromSeconds(90), workingDirectory: workingDirectory);

    /// <summary>Stores files from a clinic device, each in its own transfer syntax; fails the test when storescu does.</summary>
    public static async Task StoreAsync(DimseTestServer server, string callingAe, params string[] files)
    {
        var result = await RunAsync("storescu", ["-aet", callingAe, "-aec", "TELEREAD", "127.0.0.1", server.PortText, .. files]);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    public static string Output(this ProcessResult result) => result.StandardOutput + result.StandardError;

    public static void AssertOutputContains(ProcessResult result, string expected) =>
        Assert.True(result.Output().Contains(expected, StringComparison.OrdinalIgnoreCase), $"'{expected}' not in:\n{result.Output()}");
}
