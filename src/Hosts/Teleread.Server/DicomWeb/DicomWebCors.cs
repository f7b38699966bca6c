namespace Teleread.Server.DicomWeb;

/// <summary>
/// CORS for DICOMweb viewers served from other origins: any origin may call with a bearer token (no cookies are
/// allowed across origins), and the headers DICOMweb clients read are exposed.
/// </summary>
public static class DicomWebCors
{
    public const string PolicyName = "dicomweb";

    public static IServiceCollection AddDicomWebCors(this IServiceCollection services) =>
        services.AddCors(o => o.AddPolicy(PolicyName, p => p
            .AllowAnyOrigin()
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Authorization", "Accept", "Content-Type", "Range")
            .WithExposedHeaders("Warning", "Content-Type", "Content-Length", "Content-Location")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
}
