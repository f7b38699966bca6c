using System.Diagnostics;
using System.Text;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Runs Debian's /usr/bin/python3 (which has pydicom); fails loudly when it is missing.</summary>
internal static class ExternalTool
{
    public const string Python = "/usr/bin/python3";

    public static string RunPython(string script, params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is required (Debian packages python3 and python3-pydicom).");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Python} did not finish within 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Python} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }
}
