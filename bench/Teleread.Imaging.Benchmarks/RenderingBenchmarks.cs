using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Teleread.Dicom.Imaging;

namespace Teleread.Imaging.Benchmarks;

/// <summary>The WADO-RS rendered path on a 512×512 16-bit CT (testdata/samples/octave-dicom/CT-MONO2-16-ankle.dcm).</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private static readonly DicomPixelDescription Ankle = new()
    {
        Rows = 512,
        Columns = 512,
        BitsAllocated = 16,
        BitsStored = 16,
        HighBit = 15,
        PixelRepresentation = 1,
        RescaleSlope = 1,
        RescaleIntercept = -1024,
        WindowCenters = [1024],
        WindowWidths = [4095],
    };

    private byte[] _pixels = [];
    private DicomBitmap _bitmap = null!;
    private byte[] _rle = [];

    [GlobalSetup]
    public void Setup()
    {
        _pixels = ReadAnklePixels();
        _bitmap = DicomImageRenderer.Render(Ankle, _pixels, 0);
        _rle = RleCodec.EncodeFrame(_pixels, Ankle);
    }

    [Benchmark]
    public DicomBitmap Render() => DicomImageRenderer.Render(Ankle, _pixels, 0);

    [Benchmark]
    public byte[] RenderToPng() => PngEncoder.Encode(DicomImageRenderer.Render(Ankle, _pixels, 0));

    [Benchmark]
    public byte[] Png() => PngEncoder.Encode(_bitmap);

    [Benchmark]
    public byte[] JpegQuality90() => JpegEncoder.Encode(_bitmap, 90);

    [Benchmark]
    public DicomBitmap Thumbnail128() =>
        DicomImageRenderer.Render(Ankle, _pixels, 0, new DicomRenderOptions { ViewportWidth = 128, ViewportHeight = 128 });

    [Benchmark]
    public byte[] RleDecode() => RleCodec.DecodeFrame(_rle, Ankle);

    [Benchmark]
    public byte[] RleEncode() => RleCodec.EncodeFrame(_pixels, Ankle);

    /// <summary>
    /// The sample is Implicit VR Little Endian with Pixel Data as its last element, so the pixels are the file's
    /// last 512×512×2 bytes; the element header in front of them is checked rather than assumed.
    /// </summary>
    private static byte[] ReadAnklePixels()
    {
        string file = Path.Combine(FindRepoRoot(), "testdata", "samples", "octave-dicom", "CT-MONO2-16-ankle.dcm");
        byte[] bytes = File.ReadAllBytes(file);
        int length = 512 * 512 * 2, start = bytes.Length - length;
        var header = bytes.AsSpan(start - 8, 8);
        if (BinaryPrimitives.ReadUInt16LittleEndian(header) != 0x7FE0 || BinaryPrimitives.ReadUInt16LittleEndian(header[2..]) != 0x0010
            || BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != length)
            throw new InvalidDataException($"{file} does not end with a {length}-byte Pixel Data element.");
        return bytes[start..];
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teleread.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Teleread.slnx not found above " + AppContext.BaseDirectory);
    }
}
