using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>
/// Runs DCMTK tools. A missing tool fails the test loudly (CI must install dcmtk). Nagle is
/// switched off (TCP_NODELAY=1) because Debian's DCMTK leaves it on.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed; these interop tests need DCMTK (apt-get install dcmtk).");
        return name;
    }

    public static Process Start(string name, params string[] arguments) => StartIn(null, name, arguments);

    public static Process StartIn(string? workingDirectory, string name, params string[] arguments)
    {
        var info = new ProcessStartInfo(Require(name))
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TCP_NODELAY"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
    }

    public static Task<(int ExitCode, string Output)> RunAsync(string name, TimeSpan timeout, params string[] arguments)
        => RunInAsync(null, name, timeout, arguments);

    /// <summary>Runs in <paramref name="workingDirectory"/> (movescu's bit-preserving mode writes there, not to -od).</summary>
    public static async Task<(int ExitCode, string Output)> RunInAsync(string? workingDirectory, string name, TimeSpan timeout, params string[] arguments)
    {
        using var process = StartIn(workingDirectory, name, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A port free right now on loopback, for tools that cannot be given port 0.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
