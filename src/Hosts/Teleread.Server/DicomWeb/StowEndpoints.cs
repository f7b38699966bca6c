using Microsoft.AspNetCore.Mvc;
using Teleread.Dicom.Web;
using Teleread.Server.Auth;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// STOW-RS (PS3.18 10.5): POST /studies[/{study}] with multipart/related; type="application/dicom". Each part is
/// streamed straight into the archive, so the request is never held in memory.
/// </summary>
public static class StowEndpoints
{
    public static RouteGroupBuilder MapStow(this RouteGroupBuilder group)
    {
        group.MapPost("/studies", (HttpContext http, [FromServices] IDicomWebArchive archive, ILogger<DicomWebLog> log, CancellationToken ct) => StoreAsync(http, archive, log, null, ct));
        group.MapPost("/studies/{study}", (HttpContext http, [FromServices] IDicomWebArchive archive, ILogger<DicomWebLog> log, string study, CancellationToken ct) => StoreAsync(http, archive, log, study, ct));
        return group;
    }

    private static async Task StoreAsync(HttpContext http, IDicomWebArchive archive, ILogger log, string? studyUid, CancellationToken ct)
    {
        var caller = http.GetCaller();
        var contentType = MediaTypeValue.Parse(http.Request.ContentType ?? "");
        if (!contentType.Is(DicomMediaTypes.MultipartRelated))
        {
            throw new DicomWebRequestException(StatusCodes.Status415UnsupportedMediaType, "STOW-RS takes multipart/related; type=\"application/dicom\".");
        }

        var type = contentType.Parameter("type");
        if (type is not null && !MediaTypeValue.Parse(type).Is(DicomMediaTypes.Dicom))
        {
            throw new DicomWebRequestException(StatusCodes.Status415UnsupportedMediaType, $"Only application/dicom parts are accepted, not {type}.");
        }

        var boundary = contentType.Parameter("boundary") ?? throw DicomWebRequestException.BadRequest("The multipart/related Content-Type has no boundary.");
        var responseType = DicomWebJson.ChooseDatasetResponseType(http.Request.Headers.Accept);
        var builder = new StoreResponseBuilder(DicomWebPaths.BaseUrl(http));
        var reader = new MultipartRelatedReader(http.Request.Body, boundary);
        try
        {
            while (await reader.ReadNextPartAsync(ct).ConfigureAwait(false) is { } part)
            {
                if (part.ContentType is { } partType && !MediaTypeValue.Parse(partType).Is(DicomMediaTypes.Dicom))
                {
                    builder.Add(DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.CannotUnderstand, $"Part of type {partType} is not application/dicom."));
                    continue;
                }

                var outcome = await archive.StoreAsync(caller, part.Body, studyUid, ct).ConfigureAwait(false);
                builder.Add(outcome);
                if (!outcome.Stored)
                {
                    DicomWebLog.InstanceRejected(log, outcome.SopInstanceUid ?? "?", outcome.FailureReason ?? 0, outcome.Message ?? "");
                }
            }
        }
        catch (MultipartFormatException e)
        {
            throw DicomWebRequestException.BadRequest($"Malformed multipart body after {builder.StoredCount} stored instance(s): {e.Message}");
        }

        if (builder.StoredCount + builder.FailedCount == 0)
        {
            throw DicomWebRequestException.BadRequest("The multipart body holds no parts.");
        }

        http.Response.StatusCode = builder.StatusCode;
        if (builder.WarningText is { } warning)
        {
            http.Response.Headers.Append("Warning", DicomWebPaths.Warning(http, warning));
        }

        await DicomWebJson.WriteAsync(http.Response, builder.Build(studyUid), responseType, ct).ConfigureAwait(false);
    }
}
