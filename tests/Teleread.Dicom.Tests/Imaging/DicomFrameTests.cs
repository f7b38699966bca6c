using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

public sealed class DicomFrameTests
{
    [Fact]
    public void Reads_one_bit_pixels_least_significant_bit_first()
    {
        var frame = DicomFrame.Read(PixelDescriptions.Gray(2, 4, 1), new byte[] { 0b1010_0101 }, 0);

        Assert.Equal(new long[] { 1, 0, 1, 0, 0, 1, 0, 1 }, frame.Values);
    }

    [Fact]
    public void Reads_one_bit_frames_that_do_not_start_on_a_byte_boundary()
    {
        // 3×3 frames: frame 1 occupies bits 9..17.
        var description = PixelDescriptions.Gray(3, 3, 1, frames: 2);
        byte[] data = [0b0000_0000, 0b0000_0010, 0b0000_0010];

        var frame = DicomFrame.Read(description, data, 1);

        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0, 0, 0, 1 }, frame.Values);
        Assert.Equal(new byte[] { 0b0000_0001, 0b0000_0001 }, DicomNativePixelData.ExtractFrame(description, data, 1));
    }

    [Fact]
    public void Masks_bits_above_high_bit_and_sign_extends_signed_values()
    {
        var description = PixelDescriptions.Gray(1, 4, 16, bitsStored: 12, signed: true);
        byte[] data = [0xFF, 0x0F, 0x00, 0x08, 0xFF, 0x07, 0x05, 0xF0]; // 0x0FFF, 0x0800, 0x07FF, 0xF005 (overlay bits set)

        Assert.Equal(new long[] { -1, -2048, 2047, 5 }, DicomFrame.Read(description, data, 0).Values);
    }

    [Fact]
    public void Masks_unsigned_values_without_sign_extension()
    {
        var description = PixelDescriptions.Gray(1, 2, 16, bitsStored: 12);

        Assert.Equal(new long[] { 4095, 5 }, DicomFrame.Read(description, new byte[] { 0xFF, 0xFF, 0x05, 0xF0 }, 0).Values);
    }

    [Fact]
    public void Shifts_values_whose_high_bit_is_above_bits_stored()
    {
        var description = PixelDescriptions.Gray(1, 1, 16, bitsStored: 12) with { HighBit = 15 };

        Assert.Equal(new long[] { 0xABC }, DicomFrame.Read(description, new byte[] { 0xC5, 0xAB }, 0).Values);
    }

    [Fact]
    public void Reads_eight_and_thirty_two_bit_signed_values()
    {
        Assert.Equal(new long[] { -1, 127 }, DicomFrame.Read(PixelDescriptions.Gray(1, 2, 8, signed: true), new byte[] { 0xFF, 0x7F }, 0).Values);
        Assert.Equal(new long[] { -5, int.MaxValue },
            DicomFrame.Read(PixelDescriptions.Gray(1, 2, 32, signed: true), new byte[] { 0xFB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, 0).Values);
        Assert.Equal(new long[] { uint.MaxValue }, DicomFrame.Read(PixelDescriptions.Gray(1, 1, 32), new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, 0).Values);
    }

    [Fact]
    public void Reads_the_requested_frame_of_a_multi_frame_image()
    {
        var description = PixelDescriptions.Gray(1, 2, 16, frames: 3);
        byte[] data = [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0];

        Assert.Equal(new long[] { 5, 6 }, DicomFrame.Read(description, data, 2).Values);
        Assert.Equal(new byte[] { 3, 0, 4, 0 }, DicomNativePixelData.ExtractFrame(description, data, 1));
    }

    [Fact]
    public void Reads_color_by_plane_as_color_by_pixel()
    {
        var frame = DicomFrame.Read(PixelDescriptions.Color(1, 2, planar: 1), new byte[] { 10, 11, 20, 21, 30, 31 }, 0);

        Assert.Equal(new long[] { 10, 20, 30, 11, 21, 31 }, frame.Values);
        Assert.Equal(21, frame[0, 1, 1]);
    }

    [Fact]
    public void Repeats_ybr_full_422_chroma_for_both_pixels_of_a_pair()
    {
        var description = PixelDescriptions.Color(1, 2, DicomPhotometricInterpretation.YbrFull422);
        Assert.Equal(4, description.BytesPerFrame);

        var frame = DicomFrame.Read(description, new byte[] { 100, 110, 50, 60 }, 0);

        Assert.Equal(new long[] { 100, 50, 60, 110, 50, 60 }, frame.Values);
    }

    [Fact]
    public void Rejects_pixel_data_shorter_than_the_frame()
    {
        var error = Assert.Throws<DicomImagingException>(() => DicomFrame.Read(PixelDescriptions.Gray(2, 2, 16, frames: 2), new byte[12], 1));

        Assert.Contains("frame 2 of 2 needs 16", error.Message);
    }

    [Fact]
    public void Rejects_a_frame_index_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomFrame.Read(PixelDescriptions.Gray(1, 1, 8), new byte[2], 1));
    }

    [Fact]
    public void Reads_the_ybr_full_422_sample_like_pydicom_describes_it()
    {
        var (description, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample("pydicom/test_files/SC_ybr_full_422_uncompressed.dcm"));

        var frame = DicomFrame.Read(description, pixels, 0);

        Assert.Equal(100 * 100 * 3, frame.Values.Length);
        Assert.Equal(pixels[0], frame.Values[0]);
        Assert.Equal(pixels[1], frame.Values[3]);
        Assert.Equal(pixels[2], frame.Values[4]);
    }
}
