namespace Teleread.Dicom;

/// <summary>A value is missing, of the wrong VR, or cannot be converted as asked.</summary>
public sealed class DicomDataException(string message) : Exception(message);
