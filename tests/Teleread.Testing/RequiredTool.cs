namespace Teleread.Testing;

/// <summary>
/// External programs the interop tests run. A missing tool fails the test with the install hint:
/// it never skips (./test installs them through .ci/prepare).
/// </summary>
public static class RequiredTool
{
    public static string Find(string name, string debianPackage)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Required tool '{name}' is missing: apt-get install {debianPackage} (./test does this through .ci/prepare).");
    }

    /// <summary>Debian's Python with pydicom (the python3 on PATH may be another build).</summary>
    public static string DebianPython() => File.Exists("/usr/bin/python3")
        ? "/usr/bin/python3"
        : throw new InvalidOperationException("/usr/bin/python3 is missing: apt-get install python3-pydicom");
}
