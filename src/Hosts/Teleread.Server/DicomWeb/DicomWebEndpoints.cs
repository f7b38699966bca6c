using Teleread.Dicom;
using Teleread.Dicom.Imaging;

namespace Teleread.Server.DicomWeb;

/// <summary>Maps DICOMweb under /dicomweb and WADO-URI at /wado, for a signed-in session or a bearer token, with CORS.</summary>
public static class DicomWebEndpoints
{
    public static IServiceCollection AddDicomWeb(this IServiceCollection services) => services.AddDicomWebCors();

    public static WebApplication MapDicomWeb(this WebApplication app)
    {
        var group = app.MapGroup(DicomWebPaths.Root).RequireAuthorization().RequireCors(DicomWebCors.PolicyName)
            .AddEndpointFilter(TranslateErrorsAsync).WithTags("DICOMweb");
        group.MapStow();
        group.MapQido();
        group.MapWado();
        group.MapRendered();
        app.MapWadoUri().RequireAuthorization().RequireCors(DicomWebCors.PolicyName).AddEndpointFilter(TranslateErrorsAsync).WithTags("DICOMweb");
        return app;
    }

    /// <summary>Refusals become ProblemDetails with the status PS3.18 gives; unreadable stored data is a 500 of its own.</summary>
    private static async ValueTask<object?> TranslateErrorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && Classify(e) is { } status)
        {
            DicomWebLog.RequestRefused(http.RequestServices.GetRequiredService<ILogger<DicomWebLog>>(), status, e.Message);
            return Results.Problem(statusCode: status, detail: e.Message);
        }
    }

    private static int? Classify(Exception e) => e switch
    {
        DicomWebRequestException r => r.StatusCode,
        Dicom.Web.MultipartFormatException => StatusCodes.Status400BadRequest,
        DicomImagingException or DicomDataException => StatusCodes.Status422UnprocessableEntity,
        _ => null,
    };
}
