using Teleread.DictionaryGenerator;

namespace Teleread.Dicom.Tests;

public sealed class GeneratedDictionaryTests
{
    [Fact]
    public void Committed_generated_files_match_a_regeneration_from_the_debian_sources()
    {
        var sources = DictionarySources.Debian;
        Assert.True(sources.Missing.Count == 0, "Install the generator's sources: apt-get install libdcmtk17 python3-pydicom. Missing: " + string.Join(", ", sources.Missing));
        var folder = Path.Combine(TestFiles.RepoRoot, "src", "Dicom", "Teleread.Dicom", "Dictionary");
        foreach (var (name, text) in DictionaryGenerator.DictionaryGenerator.Generate(sources))
        {
            var committed = File.ReadAllText(Path.Combine(folder, name));
            Assert.True(committed == text, $"{name} differs from a regeneration: run `dotnet run --project tools/Teleread.DictionaryGenerator`.");
        }
    }
}
