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
    private const int RunSize = 16;

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
        // Parts are read into storage as they arrive; every RunSize parts are made durable and indexed together (one
        // index commit per run), while the next run is being read. Runs complete one after the other, in order.
        await using var batch = archive.BeginStore(caller, studyUid);
        var runs = new StoreRuns(batch, builder, log);
        MultipartFormatException? malformed = null;
        try
        {
            while (await reader.ReadNextPartAsync(ct).ConfigureAwait(false) is { } part)
            {
                if (part.ContentType is { } partType && !MediaTypeValue.Parse(partType).Is(DicomMediaTypes.Dicom))
                {
                    await runs.CompleteAllAsync(ct).ConfigureAwait(false);
                    Record(builder, log, DicomWebStoreOutcome.Failed(DicomWebStoreOutcome.CannotUnderstand, $"Part of type {partType} is not application/dicom."));
                    continue;
                }

                await batch.AddAsync(part.Body, ct).ConfigureAwait(false);
                if (batch.Pending >= RunSize)
                {
                    await runs.StartRunAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (MultipartFormatException e)
        {
            malformed = e;
        }
        finally
        {
            // Never leave a run completing after the request is gone.
            await runs.WaitQuietlyAsync().ConfigureAwait(false);
        }

        // The parts read completely before a malformed one are kept and reported, as they would be one at a time.
        await runs.CompleteAllAsync(ct).ConfigureAwait(false);
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

    /// <summary>At most one run completing while the next is read; outcomes recorded in order.</summary>
    private sealed class StoreRuns(IDicomWebStoreBatch batch, StoreResponseBuilder builder, ILogger log)
    {
        private Task<IReadOnlyList<DicomWebStoreOutcome>>? _inFlight;

        /// <summary>Waits for the run in flight (recording it), then starts completing what was read since.</summary>
        public async Task StartRunAsync(CancellationToken ct)
        {
            await DrainAsync().ConfigureAwait(false);
            _inFlight = batch.FlushAsync(ct);
        }

        public async Task CompleteAllAsync(CancellationToken ct)
        {
            await StartRunAsync(ct).ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
        }

        public async Task WaitQuietlyAsync()
        {
            if (_inFlight is { } running)
            {
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (Exception) when (!running.IsCompletedSuccessfully)
                {
                    // Its exception is observed by DrainAsync on the normal path; here the request is already failing.
                }
            }
        }

        private async Task DrainAsync()
        {
            if (_inFlight is { } running)
            {
                _inFlight = null;
                foreach (var outcome in await running.ConfigureAwait(false))
                {
                    Record(builder, log, outcome);
                }
            }
        }
    }
}
