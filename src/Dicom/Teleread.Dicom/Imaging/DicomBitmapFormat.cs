namespace Teleread.Dicom.Imaging;

public enum DicomBitmapFormat
{
    Gray8,
    Rgb24,
    Rgba32,
}
