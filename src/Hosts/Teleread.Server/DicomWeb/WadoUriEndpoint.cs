using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// WADO-URI (PS3.18 9): GET /wado?requestType=WADO&amp;studyUID=…&amp;seriesUID=…&amp;objectUID=…&amp;contentType=…,
/// answering application/dicom (optionally transcoded by transferSyntax) or a rendered image/jpeg (default) or image/png.
/// </summary>
public static class WadoUriEndpoint
{
    public const string Path = "/wado";

    public static IEndpointConventionBuilder MapWadoUri(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext http, [FromServices] IDicomWebArchive archive, CancellationToken ct) => RetrieveAsync(http, archive, ct));

    private static async Task RetrieveAsync(HttpContext http, IDicomWebArchive archive, CancellationToken ct)
    {
        var q = http.Request.Query;
        string Required(string name) => q[name].ToString() is { Length: > 0 } v ? v : throw DicomWebRequestException.BadRequest($"WADO-URI requires {name}.");
        if (!string.Equals(Required("requestType"), "WADO", StringComparison.Ordinal))
        {
            throw DicomWebRequestException.BadRequest("requestType must be WADO.");
        }

        var item = await DicomWebInstanceAccess.FindOneAsync(http, archive, Required("studyUID"), Required("seriesUID"), Required("objectUID"), ct).ConfigureAwait(false);
        var contentType = q["contentType"].ToString() is { Length: > 0 } ct0 ? ct0.Split(',')[0].Trim() : DicomMediaTypes.Jpeg;
        if (MediaTypeValue.Parse(contentType).Is(DicomMediaTypes.Dicom))
        {
            var stored = DicomTransferSyntax.Lookup(item.TransferSyntaxUid);
            var send = RetrieveNegotiation.Resolve(q["transferSyntax"].ToString() is { Length: > 0 } ts ? ts : RetrieveNegotiation.AsStored, stored);
            http.Response.ContentType = DicomMediaTypes.Dicom;
            if (send.Uid == stored.Uid)
            {
                await using var source = await archive.OpenAsync(item, ct).ConfigureAwait(false);
                await source.CopyToAsync(http.Response.Body, ct).ConfigureAwait(false);
                return;
            }

            var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
            using var transcoded = new MemoryStream();
            file.Save(transcoded, send);
            transcoded.Position = 0;
            await transcoded.CopyToAsync(http.Response.Body, ct).ConfigureAwait(false);
            return;
        }

        var png = MediaTypeValue.Parse(contentType).Is(DicomMediaTypes.Png);
        if (!png && !MediaTypeValue.Parse(contentType).Is(DicomMediaTypes.Jpeg))
        {
            throw DicomWebRequestException.NotAcceptable($"contentType must be application/dicom, image/jpeg or image/png, not {contentType}.");
        }

        var frames = new DicomInstanceFrames(await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false));
        var frameNumber = q["frameNumber"].ToString() is { Length: > 0 } fn ? WadoEndpoints.ParseFrameList(fn)[0] : 1;
        var description = frames.Description with { NumberOfFrames = 1 };
        var options = new DicomRenderOptions
        {
            Window = Number(q["windowCenter"]) is { } c && Number(q["windowWidth"]) is { } w && w > 0 ? new DicomWindow(c, w) : null,
            Palette = DicomPixelDescriptionReader.ReadPalette(frames.Dataset, description),
            ViewportWidth = (int?)Number(q["columns"]) ?? (int?)Number(q["rows"]),
            ViewportHeight = (int?)Number(q["rows"]) ?? (int?)Number(q["columns"]),
        };
        var bitmap = DicomImageRenderer.Render(description, frames.NativeFrame(frameNumber), 0, options);
        var quality = (int?)Number(q["imageQuality"]) is { } iq and >= 1 and <= 100 ? iq : 90;
        var encoded = png ? PngEncoder.Encode(bitmap) : JpegEncoder.Encode(bitmap, quality);
        http.Response.ContentType = png ? DicomMediaTypes.Png : DicomMediaTypes.Jpeg;
        await http.Response.Body.WriteAsync(encoded, ct).ConfigureAwait(false);
    }

    private static double? Number(Microsoft.Extensions.Primitives.StringValues value) =>
        double.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}
