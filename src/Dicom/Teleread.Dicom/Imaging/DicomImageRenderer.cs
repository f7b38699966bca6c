using System.Buffers;

namespace Teleread.Dicom.Imaging;

/// <summary>
/// Stored values to an 8-bit bitmap: modality LUT (rescale), VOI window, MONOCHROME1 inversion for grayscale;
/// RGB, YBR_FULL(_422) and PALETTE COLOR to RGB; then an optional fit to a viewport.
/// </summary>
public static class DicomImageRenderer
{
    /// <summary>Renders frame <paramref name="frameIndex"/> of native (uncompressed) Pixel Data.</summary>
    public static DicomBitmap Render(DicomPixelDescription description, ReadOnlySpan<byte> pixelData, int frameIndex, DicomRenderOptions? options = null)
    {
        description.Validate();
        int count = description.PixelsPerFrame * description.SamplesPerPixel;
        long[] values = ArrayPool<long>.Shared.Rent(count);
        try
        {
            DicomFrame.ReadInto(description, pixelData, frameIndex, values);
            return Render(description, values.AsSpan(0, count), options ?? new DicomRenderOptions());
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    public static DicomBitmap Render(DicomPixelDescription description, DicomFrame frame, DicomRenderOptions? options = null)
    {
        description.Validate();
        if (frame.Rows != description.Rows || frame.Columns != description.Columns || frame.SamplesPerPixel != description.SamplesPerPixel)
            throw new DicomImagingException($"The frame is {frame.Columns}×{frame.Rows}×{frame.SamplesPerPixel}; the description says {description.Columns}×{description.Rows}×{description.SamplesPerPixel}.");
        return Render(description, frame.Values, options ?? new DicomRenderOptions());
    }

    /// <summary>The window used when none is given: from the attributes, else spanning the frame's modality values.</summary>
    public static DicomWindow ChooseWindow(DicomPixelDescription description, ReadOnlySpan<long> values, DicomRenderOptions options)
    {
        if (options.Window is { } window) return window;
        if (description.WindowCenters.Count > 0)
        {
            int index = options.WindowIndex;
            if (index < 0 || index >= description.WindowCenters.Count)
                throw new DicomImagingException($"Window {index + 1} was asked for; the image defines {description.WindowCenters.Count}.");
            return new DicomWindow(description.WindowCenters[index], description.WindowWidths[index]);
        }
        var (min, max) = Range(values);
        double a = Modality(description, min), b = Modality(description, max);
        double low = Math.Min(a, b), high = Math.Max(a, b);
        // With LINEAR, width = range + 1 maps the lowest value to 0 and the highest to 255 exactly.
        double width = high - low + 1;
        return new DicomWindow(low + width / 2, width);
    }

    private static DicomBitmap Render(DicomPixelDescription description, ReadOnlySpan<long> values, DicomRenderOptions options)
    {
        var d = description;
        bool gray = d.IsMonochrome;
        var format = options.Format ?? (gray ? DicomBitmapFormat.Gray8 : DicomBitmapFormat.Rgb24);
        var bitmap = new DicomBitmap(d.Columns, d.Rows, format);
        if (gray) RenderGray(d, values, options, bitmap);
        else RenderColor(d, values, options, bitmap);

        if (options.ViewportWidth is null && options.ViewportHeight is null) return bitmap;
        var (width, height) = DicomBitmapResizer.FitWithin(bitmap.Width, bitmap.Height,
            options.ViewportWidth ?? int.MaxValue, options.ViewportHeight ?? int.MaxValue);
        return DicomBitmapResizer.Resize(bitmap, width, height, options.ResizeMode);
    }

    private static void RenderGray(DicomPixelDescription d, ReadOnlySpan<long> values, DicomRenderOptions options, DicomBitmap bitmap)
    {
        var window = ChooseWindow(d, values, options);
        var function = options.VoiLutFunction ?? d.VoiLutFunction;
        if (window.Width < (function == DicomVoiLutFunction.Linear ? 1 : double.Epsilon) || !double.IsFinite(window.Width) || !double.IsFinite(window.Center))
            throw new DicomImagingException($"Window width {window.Width} (center {window.Center}) is not valid for {function}.");
        bool invert = d.PhotometricInterpretation == DicomPhotometricInterpretation.Monochrome1;
        var (min, max) = Range(values);
        var output = bitmap.Pixels.AsSpan();
        int channels = bitmap.BytesPerPixel;

        // One table entry per stored value present: the per-pixel work is then a lookup.
        long span = max - min + 1;
        if (span <= 1 << 20)
        {
            var lut = ArrayPool<byte>.Shared.Rent((int)span);
            try
            {
                for (long v = min; v <= max; v++)
                {
                    byte y = DicomVoiFunction.ApplyToByte(function, window, Modality(d, v));
                    lut[v - min] = invert ? (byte)(255 - y) : y;
                }
                if (channels == 1)
                {
                    for (int i = 0; i < values.Length; i++) output[i] = lut[values[i] - min];
                }
                else
                {
                    for (int i = 0; i < values.Length; i++) Fill(output.Slice(i * channels, channels), lut[values[i] - min]);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(lut);
            }
            return;
        }
        for (int i = 0; i < values.Length; i++)
        {
            byte y = DicomVoiFunction.ApplyToByte(function, window, Modality(d, values[i]));
            Fill(output.Slice(i * channels, channels), invert ? (byte)(255 - y) : y);
        }
    }

    private static void Fill(Span<byte> pixel, byte gray)
    {
        pixel[0] = gray;
        if (pixel.Length == 1) return;
        pixel[1] = gray;
        pixel[2] = gray;
        if (pixel.Length == 4) pixel[3] = 255;
    }

    private static void RenderColor(DicomPixelDescription d, ReadOnlySpan<long> values, DicomRenderOptions options, DicomBitmap bitmap)
    {
        var output = bitmap.Pixels.AsSpan();
        int channels = bitmap.BytesPerPixel, pixels = d.PixelsPerFrame;
        if (d.PhotometricInterpretation == DicomPhotometricInterpretation.PaletteColor)
        {
            var palette = options.Palette ?? throw new DicomImagingException("A PALETTE COLOR image needs the Red, Green and Blue Palette Color LUTs (DicomRenderOptions.Palette).");
            for (int i = 0; i < pixels; i++)
            {
                var (r, g, b) = palette.Map(values[i]);
                Store(output, i, channels, r, g, b);
            }
            return;
        }

        long maxValue = (1L << d.BitsStored) - 1;
        bool ybr = d.PhotometricInterpretation is DicomPhotometricInterpretation.YbrFull or DicomPhotometricInterpretation.YbrFull422;
        for (int i = 0; i < pixels; i++)
        {
            var sample = values.Slice(i * 3, 3);
            byte c0 = Scale(sample[0], maxValue), c1 = Scale(sample[1], maxValue), c2 = Scale(sample[2], maxValue);
            if (ybr)
            {
                // Inverse of the YBR_FULL definition in PS3.3 C.7.6.3.1.2 (ITU-R BT.601, full range).
                double y = c0, cb = c1 - 128.0, cr = c2 - 128.0;
                Store(output, i, channels, Clamp(y + 1.402 * cr), Clamp(y - 0.344136 * cb - 0.714136 * cr), Clamp(y + 1.772 * cb));
            }
            else
            {
                Store(output, i, channels, c0, c1, c2);
            }
        }
    }

    private static byte Scale(long value, long maxValue) =>
        maxValue == 255 ? (byte)Math.Clamp(value, 0, 255) : (byte)Math.Clamp((value * 255 + maxValue / 2) / maxValue, 0, 255);

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 0, 255);

    private static void Store(Span<byte> output, int pixel, int channels, byte r, byte g, byte b)
    {
        if (channels == 1)
        {
            output[pixel] = (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
            return;
        }
        var target = output.Slice(pixel * channels, channels);
        target[0] = r;
        target[1] = g;
        target[2] = b;
        if (channels == 4) target[3] = 255;
    }

    private static double Modality(DicomPixelDescription d, long value) => value * d.RescaleSlope + d.RescaleIntercept;

    private static (long Min, long Max) Range(ReadOnlySpan<long> values)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (long value in values)
        {
            if (value < min) min = value;
            if (value > max) max = value;
        }
        return (min, max);
    }
}
