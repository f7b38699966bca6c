using Teleread.DictionaryGenerator;

var sources = DictionarySources.Debian;
if (sources.Missing.Count > 0)
{
    Console.Error.WriteLine("Missing sources (apt-get install libdcmtk17 python3-pydicom): " + string.Join(", ", sources.Missing));
    return 1;
}

var outDir = args.Length > 0 ? args[0] : Path.Combine(RepoRoot.Find(), "src", "Dicom", "Teleread.Dicom", "Dictionary");
Directory.CreateDirectory(outDir);
foreach (var (name, text) in DictionaryGenerator.Generate(sources))
{
    File.WriteAllText(Path.Combine(outDir, name), text);
    Console.WriteLine($"wrote {Path.Combine(outDir, name)}");
}

return 0;
