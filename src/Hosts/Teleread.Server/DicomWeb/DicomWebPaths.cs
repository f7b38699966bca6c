namespace Teleread.Server.DicomWeb;

/// <summary>Absolute URLs of DICOMweb resources as the client addressed this server, and Warning header values (RFC 9111 5.5).</summary>
public static class DicomWebPaths
{
    public const string Root = "/dicomweb";

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Root}";

    public static string Instance(HttpContext http, DicomWebInstance i) =>
        $"{BaseUrl(http)}/studies/{i.StudyUid}/series/{i.SeriesUid}/instances/{i.SopInstanceUid}";

    /// <summary>PS3.18 8.4.3: warn-code 299 with the agent and a quoted text.</summary>
    public static string Warning(HttpContext http, string text) => $"299 {http.Request.Host}: \"{text.Replace("\"", "'", StringComparison.Ordinal)}\"";
}
