using System.Buffers.Binary;
using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class RleCodecTests
{
    private static byte[] Frame(params byte[][] segments)
    {
        var frame = new List<byte>(new byte[64]);
        BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frame), (uint)segments.Length);
        for (int i = 0; i < segments.Length; i++)
        {
            var header = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frame);
            BinaryPrimitives.WriteUInt32LittleEndian(header[(4 + 4 * i)..], (uint)frame.Count);
            frame.AddRange(segments[i]);
        }
        return frame.ToArray();
    }

    [Fact]
    public void Decodes_literal_and_replicate_runs()
    {
        // 2×3 8-bit: literal "1 2 3", replicate 9 three times.
        byte[] frame = Frame([0x02, 1, 2, 3, 0xFE, 9]);

        Assert.Equal(new byte[] { 1, 2, 3, 9, 9, 9 }, RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(2, 3, 8)));
    }

    [Fact]
    public void Decodes_the_most_significant_byte_plane_first_into_little_endian()
    {
        byte[] frame = Frame([0x01, 0x01, 0xAB], [0x01, 0x02, 0xCD]);

        Assert.Equal(new byte[] { 0x02, 0x01, 0xCD, 0xAB }, RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(1, 2, 16)));
    }

    [Fact]
    public void Decodes_color_planes_into_the_planar_configuration_asked_for()
    {
        byte[] frame = Frame([0x01, 10, 11], [0x01, 20, 21], [0x01, 30, 31]);

        Assert.Equal(new byte[] { 10, 20, 30, 11, 21, 31 }, RleCodec.DecodeFrame(frame, PixelDescriptions.Color(1, 2, planar: 0)));
        Assert.Equal(new byte[] { 10, 11, 20, 21, 30, 31 }, RleCodec.DecodeFrame(frame, PixelDescriptions.Color(1, 2, planar: 1)));
    }

    [Fact]
    public void Ignores_noop_headers_and_trailing_padding()
    {
        byte[] frame = Frame([0x80, 0x00, 7, 0x00]);

        Assert.Equal(new byte[] { 7 }, RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(1, 1, 8)));
    }

    [Fact]
    public void Rejects_a_segment_count_that_does_not_match_the_description()
    {
        byte[] frame = Frame([0x00, 1]);

        var error = Assert.Throws<DicomRleException>(() => RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(1, 1, 16)));
        Assert.Contains("declares 1 segments", error.Message);
    }

    [Fact]
    public void Rejects_a_segment_offset_outside_the_fragment()
    {
        byte[] frame = Frame([0x00, 1]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 5000);

        Assert.Throws<DicomRleException>(() => RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(1, 1, 8)));
    }

    [Fact]
    public void Rejects_a_segment_that_decodes_short()
    {
        byte[] frame = Frame([0x01, 1, 2]);

        var error = Assert.Throws<DicomRleException>(() => RleCodec.DecodeFrame(frame, PixelDescriptions.Gray(2, 2, 8)));
        Assert.Contains("decodes to 2 bytes", error.Message);
    }

    [Fact]
    public void Rejects_a_fragment_shorter_than_the_header()
    {
        Assert.Throws<DicomRleException>(() => RleCodec.DecodeFrame(new byte[10], PixelDescriptions.Gray(1, 1, 8)));
    }

    [Fact]
    public void Encodes_long_runs_in_pieces_of_at_most_128()
    {
        byte[] native = Enumerable.Repeat((byte)5, 200).ToArray();

        byte[] encoded = RleCodec.EncodeFrame(native, PixelDescriptions.Gray(1, 200, 8));

        Assert.Equal(new byte[] { unchecked((byte)-127), 5, unchecked((byte)-71), 5 }, encoded[64..]);
    }

    [Fact]
    public void Encodes_each_row_separately()
    {
        // Two rows of the same value must give two runs, not one crossing the row boundary.
        byte[] encoded = RleCodec.EncodeFrame(new byte[] { 4, 4, 4, 4 }, PixelDescriptions.Gray(2, 2, 8));

        Assert.Equal(new byte[] { 0xFF, 4, 0xFF, 4 }, encoded[64..]);
    }

    [Theory]
    [InlineData(8, 1, 0)]
    [InlineData(16, 1, 0)]
    [InlineData(32, 1, 0)]
    [InlineData(8, 3, 0)]
    [InlineData(8, 3, 1)]
    [InlineData(16, 3, 1)]
    public void Round_trips_random_frames(int bitsAllocated, int samples, int planar)
    {
        var description = samples == 1
            ? PixelDescriptions.Gray(37, 41, bitsAllocated)
            : PixelDescriptions.Color(37, 41, planar: planar, bitsAllocated: bitsAllocated);
        var random = new Random(bitsAllocated * 10 + samples + planar);
        var native = new byte[description.BytesPerFrame];
        // Mix noise with runs so both PackBits forms occur.
        for (int i = 0; i < native.Length; i++) native[i] = (byte)(i % 97 < 40 ? random.Next(256) : i / 97);

        byte[] encoded = RleCodec.EncodeFrame(native, description);

        Assert.Equal(0, encoded.Length % 2);
        Assert.Equal(native, RleCodec.DecodeFrame(encoded, description));
    }
}
