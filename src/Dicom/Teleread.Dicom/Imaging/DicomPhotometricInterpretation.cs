namespace Teleread.Dicom.Imaging;

/// <summary>Photometric Interpretation (0028,0004) values this library can handle in native pixel data.</summary>
public enum DicomPhotometricInterpretation
{
    Monochrome1,
    Monochrome2,
    PaletteColor,
    Rgb,
    YbrFull,
    YbrFull422,
}
