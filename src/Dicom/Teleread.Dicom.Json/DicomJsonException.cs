namespace Teleread.Dicom.Json;

/// <summary>Input that is not a valid DICOM JSON (PS3.18 Annex F) or Native DICOM Model (PS3.19 Annex A) document.</summary>
public sealed class DicomJsonException(string message, Exception? inner = null) : Exception(message, inner);
