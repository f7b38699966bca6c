namespace Teleread.Dicom.Imaging;

/// <summary>How to turn stored pixel values into a bitmap; every property is optional.</summary>
public sealed record DicomRenderOptions
{
    /// <summary>Overrides the window of the description; without it, <see cref="WindowIndex"/> picks one, else min/max.</summary>
    public DicomWindow? Window { get; init; }
    public int WindowIndex { get; init; }
    /// <summary>Overrides the VOI LUT Function of the description.</summary>
    public DicomVoiLutFunction? VoiLutFunction { get; init; }
    /// <summary>Defaults to Gray8 for monochrome images and Rgb24 for color.</summary>
    public DicomBitmapFormat? Format { get; init; }
    /// <summary>Required for PALETTE COLOR images.</summary>
    public DicomPaletteColorLut? Palette { get; init; }
    /// <summary>When set, the image is scaled, keeping its aspect ratio, to fit this many columns and rows.</summary>
    public int? ViewportWidth { get; init; }
    public int? ViewportHeight { get; init; }
    public DicomResizeMode ResizeMode { get; init; } = DicomResizeMode.Auto;
}
