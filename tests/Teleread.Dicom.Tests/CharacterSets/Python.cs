namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>Runs a script with Debian's /usr/bin/python3, which has pydicom (PEERS.md); fails loudly when missing.</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    public static string Run(string script, params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is required (Debian packages python3 and python3-pydicom).");
        var (code, stdout, stderr) = ExternalTool.Run(Executable, ["-c", script, .. arguments]);
        Assert.True(code == 0, $"{Executable} exited {code}: {stderr}");
        return stdout;
    }

    public static string CharsetTestData(string file) => Path.Combine(TestFiles.RepoRoot, "testdata", "charsets", file);
}
