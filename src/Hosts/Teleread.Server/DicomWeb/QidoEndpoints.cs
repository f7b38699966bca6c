using Microsoft.AspNetCore.Mvc;
using Teleread.Server.Auth;

namespace Teleread.Server.DicomWeb;

/// <summary>QIDO-RS (PS3.18 10.6): search for studies, series and instances the caller may see.</summary>
public static class QidoEndpoints
{
    public static RouteGroupBuilder MapQido(this RouteGroupBuilder group)
    {
        group.MapGet("/studies", (HttpContext http, [FromServices] IDicomWebArchive archive, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Study, null, null, ct));
        group.MapGet("/series", (HttpContext http, [FromServices] IDicomWebArchive archive, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Series, null, null, ct));
        group.MapGet("/instances", (HttpContext http, [FromServices] IDicomWebArchive archive, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Instance, null, null, ct));
        group.MapGet("/studies/{study}/series", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Series, study, null, ct));
        group.MapGet("/studies/{study}/instances", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Instance, study, null, ct));
        group.MapGet("/studies/{study}/series/{series}/instances", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, CancellationToken ct) =>
            SearchAsync(http, archive, DicomWebQueryLevel.Instance, study, series, ct));
        return group;
    }

    private static async Task SearchAsync(HttpContext http, IDicomWebArchive archive, DicomWebQueryLevel level, string? study, string? series, CancellationToken ct)
    {
        var responseType = DicomWebJson.ChooseResponseType(http.Request.Headers.Accept);
        var query = QidoQueryParser.Parse(level, study, series, http.Request.Query);
        // One more than asked tells whether to warn that more results exist (PS3.18 8.3.4.4.1).
        var matches = await archive.QueryAsync(http.GetCaller(), query with { Limit = query.Limit + 1 }, ct).ConfigureAwait(false);
        if (matches.Count > query.Limit)
        {
            http.Response.Headers.Append("Warning", DicomWebPaths.Warning(http, "There are additional results that can be requested"));
        }

        if (archive.UnsupportedMatches(query) is { Count: > 0 } ignored)
        {
            http.Response.Headers.Append("Warning", DicomWebPaths.Warning(http,
                "The following attributes are not supported for matching and were ignored: " + string.Join(", ", ignored.Select(m => m.Name))));
        }

        await DicomWebJson.WriteArrayAsync(http.Response, matches.Take(query.Limit), responseType, null, ct).ConfigureAwait(false);
    }
}
