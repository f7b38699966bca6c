using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.Imaging;

namespace Teleread.Server.DicomWeb;

/// <summary>Reads the Image Pixel, Modality LUT and VOI LUT attributes of a data set into the imaging library's plain values.</summary>
public static class DicomPixelDescriptionReader
{
    public static bool HasPixelData(DicomDataset dataset) => dataset.Contains(DicomTags.PixelData);

    public static DicomPixelDescription Read(DicomDataset d)
    {
        int Int(DicomTag tag, int fallback) => d.TryGetValue<int>(tag, out var v) ? v : fallback;
        double Double(DicomTag tag, double fallback) => d.TryGetValue<double>(tag, out var v) ? v : fallback;
        double[] Doubles(DicomTag tag) => d.Contains(tag) ? d.GetValues<double>(tag) : [];

        var bitsAllocated = Int(DicomTags.BitsAllocated, 16);
        var voi = DicomImagingAttributes.ParseVoiLutFunction(d.GetStringOrDefault(DicomTags.VOILUTFunction)?.Trim());
        var (centers, widths) = UsableWindows(Doubles(DicomTags.WindowCenter), Doubles(DicomTags.WindowWidth), voi);
        var description = new DicomPixelDescription
        {
            Rows = Int(DicomTags.Rows, 0),
            Columns = Int(DicomTags.Columns, 0),
            SamplesPerPixel = Int(DicomTags.SamplesPerPixel, 1),
            BitsAllocated = bitsAllocated,
            BitsStored = Int(DicomTags.BitsStored, bitsAllocated),
            HighBit = Int(DicomTags.HighBit, Int(DicomTags.BitsStored, bitsAllocated) - 1),
            PixelRepresentation = Int(DicomTags.PixelRepresentation, 0),
            PhotometricInterpretation = DicomImagingAttributes.ParsePhotometricInterpretation(d.GetStringOrDefault(DicomTags.PhotometricInterpretation)?.Trim() ?? "MONOCHROME2"),
            PlanarConfiguration = Int(DicomTags.PlanarConfiguration, 0),
            NumberOfFrames = Math.Max(1, int.TryParse(d.GetStringOrDefault(DicomTags.NumberOfFrames)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1),
            RescaleSlope = Double(DicomTags.RescaleSlope, 1.0),
            RescaleIntercept = Double(DicomTags.RescaleIntercept, 0.0),
            WindowCenters = centers,
            WindowWidths = widths,
            VoiLutFunction = voi,
        };
        description.Validate();
        return description;
    }

    /// <summary>
    /// The stored windows the VOI function can apply. A window is only a suggested presentation (PS3.3 C.11.2): a file
    /// whose Window Width is 0 (seen in real MR series) renders with the pixel range instead of failing.
    /// </summary>
    private static (double[] Centers, double[] Widths) UsableWindows(double[] centers, double[] widths, DicomVoiLutFunction voi)
    {
        var minimum = voi == DicomVoiLutFunction.Linear ? 1 : double.Epsilon;
        var pairs = centers.Zip(widths).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second) && p.Second >= minimum).ToList();
        return ([.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Second)]);
    }

    /// <summary>The palette of a PALETTE COLOR image, or null for other photometric interpretations.</summary>
    public static DicomPaletteColorLut? ReadPalette(DicomDataset d, DicomPixelDescription description)
    {
        if (description.PhotometricInterpretation != DicomPhotometricInterpretation.PaletteColor)
        {
            return null;
        }

        var descriptor = d.GetElement(DicomTags.RedPaletteColorLookupTableDescriptor)
            ?? throw new DicomImagingException("PALETTE COLOR image without a Red Palette Color Lookup Table Descriptor.");
        var values = descriptor.GetValues<int>();
        if (values.Length < 3)
        {
            throw new DicomImagingException("The palette descriptor needs three values.");
        }

        ReadOnlyMemory<byte> Lut(DicomTag tag) => d.GetElement(tag)?.LoadValue() ?? throw new DicomImagingException($"PALETTE COLOR image without {tag}.");
        return DicomPaletteColorLut.FromAttributeBytes(values[0] & 0xFFFF, values[1], values[2],
            Lut(DicomTags.RedPaletteColorLookupTableData).Span, Lut(DicomTags.GreenPaletteColorLookupTableData).Span, Lut(DicomTags.BluePaletteColorLookupTableData).Span);
    }
}
