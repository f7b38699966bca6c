namespace Teleread.Dicom.Network.Tests.Support;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string relativePath) => Path.Combine(Root, "testdata", "samples", relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Teleread.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Teleread.slnx above {AppContext.BaseDirectory}.");
    }
}
