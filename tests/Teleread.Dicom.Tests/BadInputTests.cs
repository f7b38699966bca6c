using System.Buffers.Binary;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

public sealed class BadInputTests
{
    private static byte[] Sample(string name = "pydicom/test_files/CT_small.dcm") => File.ReadAllBytes(TestFiles.Sample(name));

    private static DicomReadException ReadFails(byte[] bytes, bool seekable = true)
    {
        using Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
        return Assert.Throws<DicomReadException>(() => DicomReader.ReadFile(stream));
    }

    [Theory]
    [InlineData(140)]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(39000)]
    public void Truncated_file_throws_naming_the_offset(int keep)
    {
        var ex = ReadFails(Sample()[..keep]);
        Assert.True(ex.Offset >= 0);
        Assert.Contains("offset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_non_seekable_stream_throws_too() =>
        ReadFails(Sample()[..20000], seekable: false);

    [Fact]
    public void Value_length_claiming_gigabytes_is_rejected_before_allocating()
    {
        var bytes = ExplicitFile(w =>
        {
            w.Write([0x10, 0x00, 0x10, 0x00, (byte)'U', (byte)'T', 0, 0]);
            w.Write(BitConverter.GetBytes(0xFFFFFFF0u));
            w.Write("abcd"u8);
        });
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = ReadFails(bytes);
        Assert.Equal(new DicomTag(0x0010, 0x0010), ex.Tag);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void Value_length_claiming_gigabytes_on_a_forward_only_stream_allocates_only_what_arrives()
    {
        var bytes = ExplicitFile(w =>
        {
            w.Write([0x10, 0x00, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0]);
            w.Write(BitConverter.GetBytes(0x7FFFFFF0u));
            w.Write(new byte[100]);
        });
        var before = GC.GetAllocatedBytesForCurrentThread();
        ReadFails(bytes, seekable: false);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000);
    }

    [Fact]
    public void Missing_dicm_and_no_data_set_is_not_dicom()
    {
        var garbage = new byte[400];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x55;
        var ex = ReadFails(garbage);
        Assert.Contains("DICM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_preamble_before_dicm_is_accepted_and_kept()
    {
        var bytes = Sample();
        new Random(3).NextBytes(bytes.AsSpan(0, 128));
        var file = DicomFile.Open(new MemoryStream(bytes));
        Assert.Equal(bytes[..128], file.Preamble);
        using var written = new MemoryStream();
        file.Save(written);
        Assert.Equal(bytes, written.ToArray());
    }

    [Fact]
    public void File_without_preamble_starting_with_the_data_set_is_read_leniently()
    {
        var file = DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm"));
        using var bare = new MemoryStream();
        DicomWriter.WriteDataset(bare, file.Dataset, DicomTransferSyntax.ImplicitVRLittleEndian);
        bare.Position = 0;
        var back = DicomFile.Open(bare);
        Assert.Equal(DatasetComparer.Canonical(file.Dataset, false), DatasetComparer.Canonical(back.Dataset, false));
        Assert.Null(back.Preamble);
    }

    [Fact]
    public void Invalid_vr_code_throws_naming_the_tag()
    {
        var bytes = ExplicitFile(w =>
        {
            w.Write([0x08, 0x00, 0x60, 0x00, (byte)'C', (byte)'S', 2, 0, (byte)'C', (byte)'T']);
            w.Write([0x10, 0x00, 0x10, 0x00, (byte)'Z', (byte)'Z', 2, 0, (byte)'A', (byte)'B']);
        });
        var ex = ReadFails(bytes);
        Assert.Equal(new DicomTag(0x0010, 0x0010), ex.Tag);
        Assert.Contains("VR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequences_nested_past_the_limit_are_rejected()
    {
        const int depth = 200;
        var bytes = ExplicitFile(w =>
        {
            for (var i = 0; i < depth; i++)
            {
                w.Write([0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
                w.Write([0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]);
            }
        });
        var ex = ReadFails(bytes);
        Assert.Contains("deeper than 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_deflate_stream_throws_a_read_exception()
    {
        var file = DicomFile.Open(TestFiles.Sample("pydicom/test_files/CT_small.dcm"));
        using var deflated = new MemoryStream();
        file.Save(deflated, DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        var bytes = deflated.ToArray();
        var metaEnd = 132 + 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        new Random(5).NextBytes(bytes.AsSpan(metaEnd + 10, 200));
        ReadFails(bytes);
    }

    /// <summary>A minimal explicit VR little endian Part 10 file whose data set the caller writes.</summary>
    internal static byte[] ExplicitFile(Action<MemoryStream> writeDataset)
    {
        var meta = new DicomDataset().AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, DicomTransferSyntax.ExplicitVRLittleEndian.Uid);
        using var stream = new MemoryStream();
        DicomWriter.WriteFile(stream, new DicomFile(meta, new DicomDataset()), DicomTransferSyntax.ExplicitVRLittleEndian);
        writeDataset(stream);
        return stream.ToArray();
    }
}
