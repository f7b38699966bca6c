namespace Teleread.Dicom.Imaging;

/// <summary>An 8-bit per channel rendered image, rows top to bottom with no padding between rows.</summary>
public sealed class DicomBitmap
{
    public DicomBitmap(int width, int height, DicomBitmapFormat format, byte[] pixels)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"A bitmap needs a positive size, not {width}×{height}.");
        int needed = checked(width * height * BytesPer(format));
        if (pixels.Length != needed)
            throw new ArgumentException($"A {width}×{height} {format} bitmap has {needed} bytes, not {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Format = format;
        Pixels = pixels;
    }

    public DicomBitmap(int width, int height, DicomBitmapFormat format)
        : this(width, height, format, new byte[checked(width * height * BytesPer(format))])
    {
    }

    public int Width { get; }
    public int Height { get; }
    public DicomBitmapFormat Format { get; }
    public byte[] Pixels { get; }
    public int BytesPerPixel => BytesPer(Format);
    public int Stride => Width * BytesPerPixel;

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);

    public static int BytesPer(DicomBitmapFormat format) => format switch
    {
        DicomBitmapFormat.Gray8 => 1,
        DicomBitmapFormat.Rgb24 => 3,
        DicomBitmapFormat.Rgba32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
