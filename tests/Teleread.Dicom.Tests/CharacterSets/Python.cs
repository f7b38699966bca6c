using Teleread.Testing;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Runs a script with Debian's /usr/bin/python3, which has pydicom (PEERS.md); fails loudly when missing.</summary>
internal static class Python
{
    public static string Run(string script, params string[] arguments)
    {
        var python = RequiredTool.DebianPython();
        var (code, stdout, stderr) = ExternalTool.Run(python, ["-c", script, .. arguments]);
        Assert.True(code == 0, $"{python} exited {code}: {stderr}");
        return stdout;
    }

    public static string CharsetTestData(string file) => Path.Combine(TestFiles.RepoRoot, "testdata", "charsets", file);
}
