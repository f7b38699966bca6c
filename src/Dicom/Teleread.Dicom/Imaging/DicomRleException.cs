namespace Teleread.Dicom.Imaging;

/// <summary>An RLE Lossless frame (PS3.5 Annex G) that is malformed or does not match the pixel description.</summary>
public sealed class DicomRleException(string message) : DicomImagingException(message);
