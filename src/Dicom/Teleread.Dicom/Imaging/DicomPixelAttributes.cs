namespace Teleread.Dicom.Imaging;

/// <summary>
/// Reads the Image Pixel, Multi-frame, Modality LUT and VOI LUT attributes of a data set into a <see cref="DicomPixelDescription"/>
/// and the palette of a PALETTE COLOR image. Malformed values become <see cref="DicomImagingException"/>s naming the attribute.
/// </summary>
public static class DicomPixelAttributes
{
    /// <summary>The description of the data set's image; <see cref="DicomPixelDescription.Validate"/> has been applied.</summary>
    public static DicomPixelDescription ReadDescription(DicomDataset dataset) => ReadDescription(dataset, []);

    /// <summary>
    /// As <see cref="ReadDescription(DicomDataset)"/>, but windows that cannot be used (width below 1, unpaired, not finite) are
    /// dropped, as viewers do, with a line in <paramref name="warnings"/>: they do not affect the pixel values.
    /// </summary>
    public static DicomPixelDescription ReadDescription(DicomDataset dataset, List<string> warnings)
    {
        var voiFunction = DicomImagingAttributes.ParseVoiLutFunction(dataset.GetStringOrDefault(DicomTags.VOILUTFunction));
        var (centers, widths) = UsableWindows(Numbers(dataset, DicomTags.WindowCenter, "Window Center"),
            Numbers(dataset, DicomTags.WindowWidth, "Window Width"), voiFunction, warnings);
        var description = new DicomPixelDescription
        {
            Rows = Required(dataset, DicomTags.Rows, "Rows"),
            Columns = Required(dataset, DicomTags.Columns, "Columns"),
            SamplesPerPixel = Optional(dataset, DicomTags.SamplesPerPixel, "Samples per Pixel") ?? 1,
            BitsAllocated = Required(dataset, DicomTags.BitsAllocated, "Bits Allocated"),
            BitsStored = Optional(dataset, DicomTags.BitsStored, "Bits Stored") ?? Required(dataset, DicomTags.BitsAllocated, "Bits Allocated"),
            HighBit = Optional(dataset, DicomTags.HighBit, "High Bit")
                ?? (Optional(dataset, DicomTags.BitsStored, "Bits Stored") ?? Required(dataset, DicomTags.BitsAllocated, "Bits Allocated")) - 1,
            PixelRepresentation = Optional(dataset, DicomTags.PixelRepresentation, "Pixel Representation") ?? 0,
            PhotometricInterpretation = dataset.GetStringOrDefault(DicomTags.PhotometricInterpretation) is { Length: > 0 } pi
                ? DicomImagingAttributes.ParsePhotometricInterpretation(pi)
                : DicomPhotometricInterpretation.Monochrome2,
            PlanarConfiguration = Optional(dataset, DicomTags.PlanarConfiguration, "Planar Configuration") ?? 0,
            NumberOfFrames = Optional(dataset, DicomTags.NumberOfFrames, "Number of Frames") ?? 1,
            RescaleSlope = Numbers(dataset, DicomTags.RescaleSlope, "Rescale Slope") is [var slope, ..] ? slope : 1.0,
            RescaleIntercept = Numbers(dataset, DicomTags.RescaleIntercept, "Rescale Intercept") is [var intercept, ..] ? intercept : 0.0,
            WindowCenters = centers,
            WindowWidths = widths,
            VoiLutFunction = voiFunction,
        };
        description.Validate();
        return description;
    }

    /// <summary>
    /// The Red/Green/Blue Palette Color LUTs (0028,1101..1103 descriptors, 0028,1201..1203 data), or null when the data set has none.
    /// Segmented palettes are not decoded and give null.
    /// </summary>
    public static DicomPaletteColorLut? ReadPalette(DicomDataset dataset, DicomPixelDescription description)
    {
        var red = dataset.GetElement(DicomTags.RedPaletteColorLookupTableData);
        var green = dataset.GetElement(DicomTags.GreenPaletteColorLookupTableData);
        var blue = dataset.GetElement(DicomTags.BluePaletteColorLookupTableData);
        var descriptor = dataset.GetElement(DicomTags.RedPaletteColorLookupTableDescriptor);
        if (red is null || green is null || blue is null || descriptor is null) return null;

        // The descriptor is US or SS (PS3.3 C.7.6.3.1.5): entries and bits are unsigned, the first mapped value follows Pixel Representation.
        var bytes = descriptor.LoadValue().Span;
        if (bytes.Length < 6)
            throw new DicomImagingException($"Red Palette Color LUT Descriptor (0028,1101) has {bytes.Length} bytes; it needs 3 values of 16 bits.");
        int entries = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        ushort first = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        int bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        int firstMapped = description.IsSigned ? (short)first : first;
        return DicomPaletteColorLut.FromAttributeBytes(entries, firstMapped, bits, red.LoadValue().Span, green.LoadValue().Span, blue.LoadValue().Span);
    }

    private static (double[] Centers, double[] Widths) UsableWindows(double[] centers, double[] widths, DicomVoiLutFunction function, List<string> warnings)
    {
        if (centers.Length != widths.Length)
            warnings.Add($"Window Center (0028,1050) has {centers.Length} values and Window Width (0028,1051) {widths.Length}; unpaired values are ignored.");
        double minimumWidth = function == DicomVoiLutFunction.Linear ? 1 : double.Epsilon;
        var keptCenters = new List<double>();
        var keptWidths = new List<double>();
        for (int i = 0; i < Math.Min(centers.Length, widths.Length); i++)
        {
            if (double.IsFinite(centers[i]) && double.IsFinite(widths[i]) && widths[i] >= minimumWidth)
            {
                keptCenters.Add(centers[i]);
                keptWidths.Add(widths[i]);
            }
            else
            {
                warnings.Add($"Window {i + 1} (center {centers[i]}, width {widths[i]}) is not usable with {function} and is ignored.");
            }
        }
        return ([.. keptCenters], [.. keptWidths]);
    }

    private static int Required(DicomDataset dataset, DicomTag tag, string name) =>
        Optional(dataset, tag, name) ?? throw new DicomImagingException($"{name} {tag} is missing or empty; the image cannot be read without it.");

    private static int? Optional(DicomDataset dataset, DicomTag tag, string name)
    {
        var element = dataset.GetElement(tag);
        if (element is null || element.Length == 0) return null;
        try
        {
            var values = element.GetValues<long>();
            if (values.Length == 0) return null;
            return values[0] is >= int.MinValue and <= int.MaxValue
                ? (int)values[0]
                : throw new DicomImagingException($"{name} {tag} is {values[0]}, out of range.");
        }
        catch (Exception e) when (e is DicomDataException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new DicomImagingException($"{name} {tag} cannot be read as a number: {e.Message}");
        }
    }

    private static double[] Numbers(DicomDataset dataset, DicomTag tag, string name)
    {
        var element = dataset.GetElement(tag);
        if (element is null || element.Length == 0) return [];
        try
        {
            return element.GetValues<double>();
        }
        catch (Exception e) when (e is DicomDataException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new DicomImagingException($"{name} {tag} cannot be read as numbers: {e.Message}");
        }
    }
}
