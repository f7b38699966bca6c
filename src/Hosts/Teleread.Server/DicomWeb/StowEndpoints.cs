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
    private const int InFlight = 8;

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
        // Part n+1 is read while part n is made durable and indexed (in order); at most InFlight parts are pending.
        var pending = new Queue<Task<DicomWebStoreOutcome>>();
        Task? last = null;
        MultipartFormatException? malformed = null;
        try
        {
            while (await reader.ReadNextPartAsync(ct).ConfigureAwait(false) is { } part)
            {
                if (part.ContentType is { } partType && !MediaTypeValue.Parse(partType).Is(DicomMediaTypes.Dicom))
                {
                    pending.Enqueue(Task.FromResult(DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.CannotUnderstand, $"Part of type {partType} is not application/dicom.")));
                    continue;
                }

                var store = await archive.BeginStoreAsync(caller, part.Body, studyUid, last, ct).ConfigureAwait(false);
                pending.Enqueue(store);
                last = store;
                while (pending.Count >= InFlight)
                {
                    Record(builder, log, await pending.Dequeue().ConfigureAwait(false));
                }
            }
        }
        catch (MultipartFormatException e)
        {
            malformed = e;
        }
        finally
        {
            // Never leave work running after the request: what was read is finished (and counted) even when the body broke.
            while (pending.Count > 0)
            {
                Record(builder, log, await pending.Dequeue().ConfigureAwait(false));
            }
        }

        if (malformed is not null)
        {
            throw DicomWebRequestException.BadRequest($"Malformed multipart body after {builder.StoredCount} stored instance(s): {malformed.Message}");
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

    private static void Record(StoreResponseBuilder builder, ILogger log, DicomWebStoreOutcome outcome)
    {
        builder.Add(outcome);
        if (!outcome.Stored)
        {
            DicomWebLog.InstanceRejected(log, outcome.SopInstanceUid ?? "?", outcome.FailureReason ?? 0, outcome.Message ?? "");
        }
    }
}
