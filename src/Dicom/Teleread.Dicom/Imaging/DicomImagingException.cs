namespace Teleread.Dicom.Imaging;

/// <summary>Pixel data that cannot be described, decoded, encoded or rendered as asked.</summary>
public class DicomImagingException(string message) : Exception(message);
