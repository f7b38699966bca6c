namespace Teleread.Dicom.Imaging;

public enum DicomResizeMode
{
    /// <summary>Area averaging when shrinking (thumbnails), bilinear when enlarging.</summary>
    Auto,
    Bilinear,
    AreaAverage,
}
