namespace Teleread.Dicom.Imaging;

/// <summary>
/// The Image Pixel module attributes (PS3.3 C.7.6.3) plus the modality and VOI attributes needed to render,
/// as plain values so pixel handling does not depend on the data set model.
/// </summary>
public sealed record DicomPixelDescription
{
    public required int Rows { get; init; }
    public required int Columns { get; init; }
    public int SamplesPerPixel { get; init; } = 1;
    public required int BitsAllocated { get; init; }
    public required int BitsStored { get; init; }
    public required int HighBit { get; init; }
    /// <summary>0 = unsigned, 1 = two's complement.</summary>
    public int PixelRepresentation { get; init; }
    public DicomPhotometricInterpretation PhotometricInterpretation { get; init; } = DicomPhotometricInterpretation.Monochrome2;
    /// <summary>0 = color-by-pixel (R1G1B1R2…), 1 = color-by-plane (R…G…B…).</summary>
    public int PlanarConfiguration { get; init; }
    public int NumberOfFrames { get; init; } = 1;
    public double RescaleSlope { get; init; } = 1.0;
    public double RescaleIntercept { get; init; }
    public IReadOnlyList<double> WindowCenters { get; init; } = [];
    public IReadOnlyList<double> WindowWidths { get; init; } = [];
    public DicomVoiLutFunction VoiLutFunction { get; init; } = DicomVoiLutFunction.Linear;

    public bool IsSigned => PixelRepresentation == 1;
    public bool IsMonochrome => PhotometricInterpretation is DicomPhotometricInterpretation.Monochrome1 or DicomPhotometricInterpretation.Monochrome2;
    public int PixelsPerFrame => Rows * Columns;

    /// <summary>Bits one frame occupies in native pixel data (frames of 1-bit data are packed without padding).</summary>
    public long BitsPerFrame
    {
        get
        {
            // YBR_FULL_422 stores two luminance samples per pair of chrominance samples: 2 samples per pixel.
            long samples = PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422
                ? 2L * PixelsPerFrame
                : (long)SamplesPerPixel * PixelsPerFrame;
            return samples * BitsAllocated;
        }
    }

    /// <summary>Bytes of native pixel data all frames need, before the even-length padding of the element.</summary>
    public long NativeLength => (BitsPerFrame * NumberOfFrames + 7) / 8;

    /// <summary>Bytes of one native frame; whole bytes for every BitsAllocated except 1.</summary>
    public int BytesPerFrame => checked((int)((BitsPerFrame + 7) / 8));

    /// <summary>Throws <see cref="DicomPixelDescriptionException"/> listing every problem found.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Rows is < 1 or > 65535) problems.Add($"Rows (0028,0010) is {Rows}; it must be 1..65535");
        if (Columns is < 1 or > 65535) problems.Add($"Columns (0028,0011) is {Columns}; it must be 1..65535");
        if (BitsAllocated is not (1 or 8 or 16 or 32))
            problems.Add($"Bits Allocated (0028,0100) is {BitsAllocated}; supported values are 1, 8, 16 and 32");
        if (BitsStored < 1 || BitsStored > BitsAllocated)
            problems.Add($"Bits Stored (0028,0101) is {BitsStored}; it must be 1..Bits Allocated ({BitsAllocated})");
        else if (HighBit < BitsStored - 1 || HighBit >= BitsAllocated)
            problems.Add($"High Bit (0028,0102) is {HighBit}; with Bits Stored {BitsStored} and Bits Allocated {BitsAllocated} it must be {BitsStored - 1}..{BitsAllocated - 1}");
        if (PixelRepresentation is not (0 or 1))
            problems.Add($"Pixel Representation (0028,0103) is {PixelRepresentation}; it must be 0 (unsigned) or 1 (two's complement)");
        if (NumberOfFrames < 1) problems.Add($"Number of Frames (0028,0008) is {NumberOfFrames}; it must be at least 1");

        int expectedSamples = IsMonochrome || PhotometricInterpretation == DicomPhotometricInterpretation.PaletteColor ? 1 : 3;
        if (SamplesPerPixel != expectedSamples)
            problems.Add($"Samples per Pixel (0028,0002) is {SamplesPerPixel}; {DicomImagingAttributes.ToCodeString(PhotometricInterpretation)} requires {expectedSamples}");
        if (SamplesPerPixel > 1 && PlanarConfiguration is not (0 or 1))
            problems.Add($"Planar Configuration (0028,0006) is {PlanarConfiguration}; it must be 0 or 1");
        if (BitsAllocated == 1 && SamplesPerPixel != 1)
            problems.Add("Bits Allocated 1 is only defined for single-sample (monochrome) images");
        if (PhotometricInterpretation == DicomPhotometricInterpretation.YbrFull422)
        {
            if (BitsAllocated != 8) problems.Add($"YBR_FULL_422 requires Bits Allocated 8, not {BitsAllocated}");
            if (PlanarConfiguration != 0) problems.Add("YBR_FULL_422 requires Planar Configuration 0");
            if (Columns % 2 != 0) problems.Add($"YBR_FULL_422 requires an even number of Columns, not {Columns}");
        }
        if (PhotometricInterpretation == DicomPhotometricInterpretation.PaletteColor && BitsAllocated > 16)
            problems.Add($"PALETTE COLOR indices must fit 16 bits; Bits Allocated is {BitsAllocated}");

        if (!double.IsFinite(RescaleSlope) || RescaleSlope == 0)
            problems.Add($"Rescale Slope (0028,1053) is {RescaleSlope}; it must be finite and non-zero");
        if (!double.IsFinite(RescaleIntercept))
            problems.Add($"Rescale Intercept (0028,1052) is {RescaleIntercept}; it must be finite");
        if (WindowCenters.Count != WindowWidths.Count)
            problems.Add($"Window Center (0028,1050) has {WindowCenters.Count} values but Window Width (0028,1051) has {WindowWidths.Count}");
        double minimumWidth = VoiLutFunction == DicomVoiLutFunction.Linear ? 1 : double.Epsilon;
        for (int i = 0; i < WindowWidths.Count; i++)
        {
            if (!double.IsFinite(WindowWidths[i]) || WindowWidths[i] < minimumWidth)
                problems.Add($"Window Width (0028,1051) value {i + 1} is {WindowWidths[i]}; {VoiLutFunction} requires {(minimumWidth == 1 ? ">= 1" : "> 0")}");
        }
        for (int i = 0; i < WindowCenters.Count; i++)
        {
            if (!double.IsFinite(WindowCenters[i])) problems.Add($"Window Center (0028,1050) value {i + 1} is not a finite number");
        }

        if (problems.Count == 0 && (long)SamplesPerPixel * Rows * Columns * Math.Max(1, BitsAllocated / 8) > int.MaxValue)
            problems.Add("One frame is larger than 2 GB");
        if (problems.Count > 0) throw new DicomPixelDescriptionException(problems);
    }
}
