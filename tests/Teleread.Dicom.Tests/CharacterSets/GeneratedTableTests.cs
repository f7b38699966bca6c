namespace Teleread.Dicom.Tests.CharacterSets;

public class GeneratedTableTests
{
    [Fact]
    public void Checked_in_tables_equal_a_fresh_run_of_the_generator()
    {
        // Needs glibc's charmaps (Debian package `locales`) besides python3.
        const string charmaps = "/usr/share/i18n/charmaps";
        Assert.True(Directory.Exists(charmaps), $"{charmaps} is missing: install the Debian package 'locales'.");
        var output = Directory.CreateTempSubdirectory("teleread-charset-tables-");
        try
        {
            var generator = Path.Combine(TestFiles.RepoRoot, "tools", "charsets", "generate_charset_tables.py");
            Python.Run(
                "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                generator, charmaps, output.FullName);
            var checkedIn = Path.Combine(TestFiles.RepoRoot, "src", "Dicom", "Teleread.Dicom", "CharacterSets", "Tables");
            var generated = output.GetFiles("*.g.cs").Select(f => f.Name).Order().ToArray();

            Assert.Equal(Directory.GetFiles(checkedIn, "*.g.cs").Select(Path.GetFileName).Order().ToArray(), generated);
            foreach (var name in generated)
            {
                Assert.True(
                    File.ReadAllText(Path.Combine(checkedIn, name)) == File.ReadAllText(Path.Combine(output.FullName, name)),
                    $"{name} differs from the generator's output; run tools/charsets/generate_charset_tables.py.");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
