using System.Buffers.Binary;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>
/// Encapsulated pixel data is kept byte-exact: files compressed by GDCM's gdcmconv (JPEG 2000 lossless and lossy, JPEG-LS,
/// RLE; DCMTK's encoders are in <see cref="DcmtkTransferSyntaxTests"/>) are written back byte for byte and read by dcmdump
/// without warnings, and a multi-frame data set with a Basic Offset Table, an Extended Offset Table and several fragments
/// per frame survives write → read → write in every byte, in explicit VR little endian data sets of any encapsulated syntax
/// (HTJ2K, JPEG XL, MPEG-4 and HEVC are only labels to the reader: their fragments are opaque bytes).
/// </summary>
public sealed class EncapsulatedPixelDataTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--j2k", "1.2.840.10008.1.2.4.90")]
    [InlineData("--j2k --lossy -q 50", "1.2.840.10008.1.2.4.91")]
    [InlineData("--jpegls", "1.2.840.10008.1.2.4.80")]
    [InlineData("--rle", "1.2.840.10008.1.2.5")]
    public void Files_gdcmconv_compresses_are_written_back_byte_for_byte(string options, string syntaxUid)
    {
        var compressed = _temp.File("gdcm.dcm");
        ExternalTool.MustSucceed("gdcmconv", [.. options.Split(' '), TestFiles.Sample("pydicom/test_files/CT_small.dcm"), compressed]);

        var file = DicomFile.Open(compressed);
        Assert.Equal(syntaxUid, file.TransferSyntax.Uid);
        var fragments = Assert.IsType<DicomFragmentSequence>(file.Dataset.Get(DicomTags.PixelData));
        Assert.NotEmpty(fragments.Fragments);
        if (syntaxUid.StartsWith("1.2.840.10008.1.2.4.9", StringComparison.Ordinal))
        {
            Assert.True(fragments.Fragments[0].Data.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]), "JPEG 2000 codestream starts with SOC, SIZ");
        }

        var ours = _temp.File("ours.dcm");
        file.Save(ours);
        Assert.Equal(File.ReadAllBytes(compressed), File.ReadAllBytes(ours));
        ExternalTool.AssertDcmdumpAccepts(ours);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.201")] // HTJ2K lossless
    [InlineData("1.2.840.10008.1.2.4.203")] // HTJ2K
    [InlineData("1.2.840.10008.1.2.4.110")] // JPEG XL lossless
    [InlineData("1.2.840.10008.1.2.4.102")] // MPEG-4 AVC/H.264 High Profile / Level 4.1
    [InlineData("1.2.840.10008.1.2.4.107")] // HEVC/H.265 Main Profile / Level 5.1
    [InlineData("1.2.840.10008.1.2.8.1")] // Deflated Image Frame Compression
    [InlineData("1.2.840.10008.1.2.4.50")]
    public void Fragments_and_both_offset_tables_survive_write_read_write_in_every_byte(string syntaxUid)
    {
        var syntax = DicomTransferSyntax.Lookup(syntaxUid);
        byte[][] frames = [Bytes(1, 300), Bytes(2, 17), Bytes(3, 4096)]; // the odd frame gets one padding byte
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.SecondaryCaptureImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6.7")
            .AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, "3");
        var pixels = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        var offsets = new List<ulong>();
        var lengths = new List<ulong>();
        ulong position = 0;
        foreach (var frame in frames)
        {
            offsets.Add(position);
            lengths.Add((ulong)frame.Length);
            // Two fragments per frame (PS3.5 A.4: a frame may span fragments; each fragment is even-length).
            var half = frame.Length / 2 & ~1;
            foreach (var part in new[] { frame[..half], frame[half..] })
            {
                var even = part.Length % 2 == 0 ? part : [.. part, 0];
                pixels.Fragments.Add(new DicomFragment(even));
                position += 8 + (ulong)even.Length;
            }
        }

        var bot = new byte[4 * frames.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bot.AsSpan(4 * i), (uint)offsets[i]);
        }

        pixels.OffsetTableBytes = bot;
        dataset.AddOrUpdate(DicomElement.FromValues(DicomTags.ExtendedOffsetTable, DicomVR.OV, [.. offsets]));
        dataset.AddOrUpdate(DicomElement.FromValues(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, [.. lengths]));
        dataset.AddOrUpdate(pixels);

        var first = _temp.File("first.dcm");
        new DicomFile(dataset).Save(first, syntax);
        var read = DicomFile.Open(first);
        var second = _temp.File("second.dcm");
        read.Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var back = Assert.IsType<DicomFragmentSequence>(read.Dataset.Get(DicomTags.PixelData));
        Assert.Equal(6, back.Fragments.Count);
        Assert.Equal(bot, back.OffsetTableBytes.ToArray());
        Assert.Equal(offsets, read.Dataset.GetValues<ulong>(DicomTags.ExtendedOffsetTable));
        Assert.Equal(syntaxUid, read.TransferSyntax.Uid);

        // Header-only reading leaves the fragments alone and still names the syntax.
        Assert.Equal(DicomTags.PixelData, DicomFile.Open(second, DicomReaderOptions.HeaderOnly).StoppedAt);
    }

    private static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
