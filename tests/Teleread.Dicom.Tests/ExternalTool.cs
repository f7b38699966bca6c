using System.Diagnostics;

namespace Teleread.Dicom.Tests;

/// <summary>Runs a DCMTK tool; a missing tool fails the test (CI must apt-get install dcmtk).</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string StdOut, string StdErr) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{tool} is not installed (apt-get install dcmtk): {ex.Message}", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 60 s");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    public static void MustSucceed(string tool, params string[] args)
    {
        var (code, _, err) = Run(tool, args);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} exited {code}: {err}");
    }

    /// <summary>dcmdump reads the file completely with no warning and no error.</summary>
    public static void AssertDcmdumpAccepts(string path)
    {
        // Not -q ("print no warnings and errors"), which would hide what is looked for; DCMTK logs to stderr.
        var (code, _, stderr) = Run("dcmdump", path);
        Assert.True(code == 0 && stderr.Length == 0, $"dcmdump complained about {path} (exit {code}): {stderr[..Math.Min(stderr.Length, 2000)]}");
    }
}
