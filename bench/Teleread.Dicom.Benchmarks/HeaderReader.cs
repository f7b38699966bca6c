using Teleread.Dicom.IO;

namespace Teleread.Dicom.Benchmarks;

public static class HeaderReader
{
    public static int ReadAll(string[] paths)
    {
        var total = 0;
        foreach (var p in paths)
        {
            total += DicomReader.ReadFile(p, DicomReaderOptions.HeaderOnly).Dataset.Count;
        }

        return total;
    }
}
