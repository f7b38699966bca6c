namespace Teleread.Dicom.Web;

/// <summary>Media types of PS3.18 8.7.</summary>
public static class DicomMediaTypes
{
    public const string Dicom = "application/dicom";
    public const string DicomJson = "application/dicom+json";
    public const string DicomXml = "application/dicom+xml";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";
    public const string MultipartRelated = "multipart/related";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Any = "*/*";
}
