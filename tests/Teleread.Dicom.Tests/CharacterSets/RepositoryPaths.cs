namespace Teleread.Dicom.Tests.CharacterSets;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test assembly that holds Teleread.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string TestData(params string[] parts) => Path.Combine([Root, "testdata", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Teleread.slnx above {AppContext.BaseDirectory}.");
    }
}
