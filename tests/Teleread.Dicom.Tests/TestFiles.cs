namespace Teleread.Dicom.Tests;

internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Teleread.slnx not found above the test binaries.");
    });

    public static string RepoRoot => Root.Value;

    public static string Samples => Path.Combine(RepoRoot, "testdata", "samples");

    public static string Sample(string relative) => Path.Combine(Samples, relative);

    /// <summary>Every DICOM file of the corpus (everything but the README, licenses, manifest and JSON files).</summary>
    public static IEnumerable<string> Corpus() =>
        Directory.EnumerateFiles(Samples, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}LICENSES{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => Path.GetExtension(p) is not (".md" or ".json" or ".txt"))
            .Select(p => Path.GetRelativePath(Samples, p))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> CorpusData()
    {
        var data = new TheoryData<string>();
        foreach (var f in Corpus())
        {
            data.Add(f);
        }

        return data;
    }
}
