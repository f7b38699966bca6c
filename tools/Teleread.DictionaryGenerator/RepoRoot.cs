namespace Teleread.DictionaryGenerator;

public static class RepoRoot
{
    /// <summary>Walks up from the current directory (then the binary's) to the folder holding Teleread.slnx.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Teleread.slnx not found above the current directory.");
    }
}
