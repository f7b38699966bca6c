using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>Headers of a large file are read in memory proportional to the header, not the pixel data.</summary>
public sealed class LargeFileTests : IClassFixture<LargeFileTests.LargeFile>
{
    private const int PixelBytes = 48 * 1024 * 1024;
    private readonly LargeFile _file;

    public LargeFileTests(LargeFile file) => _file = file;

    [Fact]
    public void Stopping_before_pixel_data_allocates_in_proportion_to_the_header()
    {
        DicomReader.ReadFile(_file.Path, DicomReaderOptions.HeaderOnly);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomReader.ReadFile(_file.Path, DicomReaderOptions.HeaderOnly);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DicomTags.PixelData, file.StoppedAt);
        Assert.False(file.Dataset.Contains(DicomTags.PixelData));
        Assert.Equal("LARGE^FILE", file.Dataset.GetString(DicomTags.PatientName));
        Assert.True(allocated < 512 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Large_values_become_bulk_data_references_and_are_copied_in_chunks()
    {
        var options = new DicomReaderOptions { BulkDataThreshold = 64 * 1024 };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomReader.ReadFile(_file.Path, options);
        var element = file.Dataset.GetElement(DicomTags.PixelData)!;
        Assert.True(element.IsBulkData);
        Assert.Equal(PixelBytes, element.Length);

        using var temp = new TempDirectory();
        var copy = temp.File("copy.dcm");
        file.Save(copy);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.True(File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(_file.Path)));
    }

    [Fact]
    public void Bulk_data_of_a_big_endian_file_is_swapped_when_loaded_and_when_transcoded()
    {
        using var temp = new TempDirectory();
        var big = temp.File("big.dcm");
        var small = DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm"));
        small.Save(big, DicomTransferSyntax.ExplicitVRBigEndian);
        var file = DicomReader.ReadFile(big, new DicomReaderOptions { BulkDataThreshold = 1024 });
        var pixels = file.Dataset.GetElement(DicomTags.PixelData)!;
        Assert.True(pixels.IsBulkData);
        Assert.Equal(small.Dataset.GetElement(DicomTags.PixelData)!.Value.ToArray(), pixels.LoadValue().ToArray());

        var little = temp.File("little.dcm");
        file.Save(little, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(small.Dataset.GetElement(DicomTags.PixelData)!.Value.ToArray(), DicomFile.Open(little).Dataset.GetElement(DicomTags.PixelData)!.Value.ToArray());
    }

    public sealed class LargeFile : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public LargeFile()
        {
            Path = _temp.File("large.dcm");
            var ds = new DicomDataset()
                .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage)
                .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5")
                .AddOrUpdate(DicomTags.PatientName, "LARGE^FILE")
                .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, 4096)
                .AddOrUpdate<ushort>(DicomTags.Columns, DicomVR.US, 6144)
                .AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, new byte[PixelBytes]));
            new DicomFile(ds).Save(Path, DicomTransferSyntax.ExplicitVRLittleEndian);
        }

        public string Path { get; }

        public void Dispose() => _temp.Dispose();
    }
}
