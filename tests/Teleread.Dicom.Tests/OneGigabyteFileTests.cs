using System.Buffers.Binary;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Tests;

/// <summary>
/// PROOF "a 1 GB file parsed in constant memory": a Part 10 file with 1 GiB of Pixel Data (a sparse file: the header is
/// written, then FileStream.SetLength extends it, so CI writes only a few KiB) followed by Data Set Trailing Padding.
/// Reading it whole with a bulk data threshold, reading only its header, and copying it to another stream allocate a
/// bounded amount that does not depend on the pixel data size.
/// </summary>
public sealed class OneGigabyteFileTests : IClassFixture<OneGigabyteFileTests.SparseFile>
{
    private const long PixelBytes = 1L << 30;
    private const long Bound = 4 * 1024 * 1024; // 0.4 % of the file
    private readonly SparseFile _file;

    public OneGigabyteFileTests(SparseFile file) => _file = file;

    [Fact]
    public void The_whole_file_is_parsed_to_its_last_element_in_constant_memory()
    {
        var options = new DicomReaderOptions { BulkDataThreshold = 64 * 1024 };
        DicomReader.ReadFile(_file.Path, options); // warm-up: JIT and dictionary tables are not the parser's cost
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomReader.ReadFile(_file.Path, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var pixels = file.Dataset.GetElement(DicomTags.PixelData)!;
        Assert.True(pixels.IsBulkData);
        Assert.Equal(PixelBytes, pixels.Length);
        Assert.Equal(4, file.Dataset.GetElement(SparseFile.TrailingPadding)!.Length); // read past the gigabyte
        Assert.True(allocated < Bound, $"allocated {allocated:N0} bytes for a {new FileInfo(_file.Path).Length:N0}-byte file");
    }

    [Fact]
    public void The_header_is_read_without_touching_the_pixel_data()
    {
        DicomReader.ReadFile(_file.Path, DicomReaderOptions.HeaderOnly);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomReader.ReadFile(_file.Path, DicomReaderOptions.HeaderOnly);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DicomTags.PixelData, file.StoppedAt);
        Assert.Equal("GIGA^BYTE", file.Dataset.GetString(DicomTags.PatientName));
        Assert.True(allocated < 512 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Writing_it_again_streams_the_gigabyte_through_a_fixed_buffer()
    {
        var file = DicomReader.ReadFile(_file.Path, new DicomReaderOptions { BulkDataThreshold = 64 * 1024 });
        var counter = new CountingStream();
        var before = GC.GetAllocatedBytesForCurrentThread();
        file.Save(counter);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(new FileInfo(_file.Path).Length, counter.Length);
        Assert.True(allocated < Bound, $"allocated {allocated:N0} bytes");
    }

    /// <summary>Counts what is written and keeps nothing (so no gigabyte lands on the CI disk).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }

    public sealed class SparseFile : IDisposable
    {
        public static readonly DicomTag TrailingPadding = new(0xFFFC, 0xFFFC);
        private readonly TempDirectory _temp = new();

        public SparseFile()
        {
            Path = _temp.File("gigabyte.dcm");
            var ds = new DicomDataset()
                .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage)
                .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6")
                .AddOrUpdate(DicomTags.PatientName, "GIGA^BYTE")
                .AddOrUpdate<ushort>(DicomTags.Rows, DicomVR.US, 16384)
                .AddOrUpdate<ushort>(DicomTags.Columns, DicomVR.US, 32768)
                .AddOrUpdate<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16);
            using var stream = new FileStream(Path, FileMode.Create, FileAccess.ReadWrite);
            new DicomFile(ds).Save(stream, DicomTransferSyntax.ExplicitVRLittleEndian);

            // (7FE0,0010) OW, 32-bit length 1 GiB; the value is the sparse hole made by SetLength.
            Span<byte> header = stackalloc byte[12];
            WriteTag(header, DicomTags.PixelData);
            "OW"u8.CopyTo(header[4..]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)PixelBytes);
            stream.Write(header);
            stream.SetLength(stream.Position + PixelBytes);
            stream.Position = stream.Length;

            // (FFFC,FFFC) OB Data Set Trailing Padding, 4 bytes: an element after the gigabyte.
            Span<byte> trailer = stackalloc byte[16];
            WriteTag(trailer, TrailingPadding);
            "OB"u8.CopyTo(trailer[4..]);
            BinaryPrimitives.WriteUInt32LittleEndian(trailer[8..], 4);
            stream.Write(trailer);
        }

        public string Path { get; }

        public void Dispose() => _temp.Dispose();

        private static void WriteTag(Span<byte> span, DicomTag tag)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(span[2..], tag.Element);
        }
    }
}
