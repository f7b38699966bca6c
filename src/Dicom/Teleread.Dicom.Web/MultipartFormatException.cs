namespace Teleread.Dicom.Web;

/// <summary>A multipart body that breaks RFC 2046 / PS3.18 8.6.1: missing boundary, truncated part, oversized headers.</summary>
public sealed class MultipartFormatException(string message) : Exception(message);
