using Microsoft.AspNetCore.Mvc;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// Rendered and thumbnail resources (PS3.18 10.4.1.1.3, 10.4.1.1.4) as image/jpeg or image/png: instance and frame level,
/// and a representative instance for series and study thumbnails. Uncompressed and RLE images render.
/// </summary>
public static class RenderedEndpoints
{
    private const string InstancePath = "/studies/{study}/series/{series}/instances/{instance}";

    public static RouteGroupBuilder MapRendered(this RouteGroupBuilder group)
    {
        group.MapGet(InstancePath + "/rendered", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, CancellationToken ct) =>
            RenderAsync(http, archive, study, series, instance, "1", thumbnail: false, ct));
        group.MapGet(InstancePath + "/frames/{frames}/rendered", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, string frames, CancellationToken ct) =>
            RenderAsync(http, archive, study, series, instance, frames, thumbnail: false, ct));
        group.MapGet(InstancePath + "/thumbnail", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, CancellationToken ct) =>
            RenderAsync(http, archive, study, series, instance, "1", thumbnail: true, ct));
        group.MapGet(InstancePath + "/frames/{frames}/thumbnail", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, string frames, CancellationToken ct) =>
            RenderAsync(http, archive, study, series, instance, frames, thumbnail: true, ct));
        group.MapGet("/studies/{study}/series/{series}/thumbnail", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, CancellationToken ct) =>
            RenderAsync(http, archive, study, series, null, "1", thumbnail: true, ct));
        group.MapGet("/studies/{study}/thumbnail", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, CancellationToken ct) =>
            RenderAsync(http, archive, study, null, null, "1", thumbnail: true, ct));
        return group;
    }

    private static async Task RenderAsync(HttpContext http, IDicomWebArchive archive, string study, string? series, string? instance, string frameList, bool thumbnail, CancellationToken ct)
    {
        var parameters = RenderParameters.Parse(http.Request.Query, http.Request.Headers.Accept, thumbnail);
        var frameNumber = WadoEndpoints.ParseFrameList(frameList)[0];
        var instances = await DicomWebInstanceAccess.FindAsync(http, archive, study, series, instance, ct).ConfigureAwait(false);
        // A series or study thumbnail shows its middle image.
        var item = instance is null ? instances[instances.Count / 2] : instances[0];
        var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
        var frames = new DicomInstanceFrames(file);
        var native = frames.NativeFrame(frameNumber);
        var description = frames.Description with { NumberOfFrames = 1 };
        var options = new DicomRenderOptions
        {
            Window = parameters.Window,
            VoiLutFunction = parameters.Function,
            Palette = DicomPixelDescriptionReader.ReadPalette(file.Dataset, description),
            ViewportWidth = parameters.ViewportWidth,
            ViewportHeight = parameters.ViewportHeight,
        };
        var bitmap = DicomImageRenderer.Render(description, native, 0, options);
        var encoded = parameters.MediaType == DicomMediaTypes.Png ? PngEncoder.Encode(bitmap) : JpegEncoder.Encode(bitmap, parameters.Quality);
        http.Response.ContentType = parameters.MediaType;
        http.Response.ContentLength = encoded.Length;
        await http.Response.Body.WriteAsync(encoded, ct).ConfigureAwait(false);
    }
}
