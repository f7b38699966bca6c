namespace Teleread.Testing;

/// <summary>Paths inside the repository, found from the test binaries by walking up to Teleread.slnx.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Teleread.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>testdata/samples: the real DICOM files (licenses in its README.md).</summary>
    public static string Samples => Path.Combine(Root, "testdata", "samples");

    public static string Sample(string relative) => Path.Combine(Samples, relative);

    /// <summary>Every DICOM file of the sample corpus (README, LICENSES and manifest excluded), relative paths.</summary>
    public static IEnumerable<string> AllSampleFiles() =>
        Directory.EnumerateFiles(Samples, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Samples, f))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal) && !f.StartsWith("LICENSES", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
