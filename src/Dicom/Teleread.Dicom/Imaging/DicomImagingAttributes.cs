namespace Teleread.Dicom.Imaging;

/// <summary>Parses the code strings of the Image Pixel and VOI LUT attributes into this library's enums.</summary>
public static class DicomImagingAttributes
{
    public static DicomPhotometricInterpretation ParsePhotometricInterpretation(string value) =>
        value.Trim().ToUpperInvariant() switch
        {
            "MONOCHROME1" => DicomPhotometricInterpretation.Monochrome1,
            "MONOCHROME2" => DicomPhotometricInterpretation.Monochrome2,
            "PALETTE COLOR" => DicomPhotometricInterpretation.PaletteColor,
            "RGB" => DicomPhotometricInterpretation.Rgb,
            "YBR_FULL" => DicomPhotometricInterpretation.YbrFull,
            "YBR_FULL_422" => DicomPhotometricInterpretation.YbrFull422,
            _ => throw new DicomImagingException(
                $"Photometric Interpretation (0028,0004) '{value.Trim()}' is not supported for native pixel data."),
        };

    public static string ToCodeString(DicomPhotometricInterpretation value) => value switch
    {
        DicomPhotometricInterpretation.Monochrome1 => "MONOCHROME1",
        DicomPhotometricInterpretation.Monochrome2 => "MONOCHROME2",
        DicomPhotometricInterpretation.PaletteColor => "PALETTE COLOR",
        DicomPhotometricInterpretation.Rgb => "RGB",
        DicomPhotometricInterpretation.YbrFull => "YBR_FULL",
        DicomPhotometricInterpretation.YbrFull422 => "YBR_FULL_422",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>An absent or empty VOI LUT Function means LINEAR (PS3.3 C.11.2.1.2).</summary>
    public static DicomVoiLutFunction ParseVoiLutFunction(string? value) =>
        (value ?? "").Trim().ToUpperInvariant() switch
        {
            "" or "LINEAR" => DicomVoiLutFunction.Linear,
            "LINEAR_EXACT" => DicomVoiLutFunction.LinearExact,
            "SIGMOID" => DicomVoiLutFunction.Sigmoid,
            _ => throw new DicomImagingException($"VOI LUT Function (0028,1056) '{value!.Trim()}' is not defined by PS3.3 C.11.2.1.3."),
        };
}
