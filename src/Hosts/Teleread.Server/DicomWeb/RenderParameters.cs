using System.Globalization;
using Microsoft.Extensions.Primitives;
using Teleread.Dicom.Imaging;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// The query parameters of a rendered or thumbnail request (PS3.18 8.3.5): window=center,width[,function],
/// viewport=vw,vh, quality, and the image media type chosen from Accept (image/jpeg by default, or image/png).
/// </summary>
public sealed record RenderParameters(string MediaType, DicomWindow? Window, DicomVoiLutFunction? Function, int? ViewportWidth, int? ViewportHeight, int Quality)
{
    public const int ThumbnailSize = 128;

    public static RenderParameters Parse(IQueryCollection query, StringValues accept, bool thumbnail)
    {
        var mediaType = ChooseMediaType(accept);
        DicomWindow? window = null;
        DicomVoiLutFunction? function = null;
        if (query.TryGetValue("window", out var w) && w.ToString() is { Length: > 0 } windowText)
        {
            var parts = windowText.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || !TryDouble(parts[0], out var center) || !TryDouble(parts[1], out var width) || width <= 0)
            {
                throw DicomWebRequestException.BadRequest($"window must be center,width[,function] with a positive width, not '{windowText}'.");
            }

            window = new DicomWindow(center, width);
            if (parts.Length == 3)
            {
                function = parts[2].ToLowerInvariant() switch
                {
                    "linear" => DicomVoiLutFunction.Linear,
                    "linear-exact" => DicomVoiLutFunction.LinearExact,
                    "sigmoid" => DicomVoiLutFunction.Sigmoid,
                    _ => throw DicomWebRequestException.BadRequest($"window function must be linear, linear-exact or sigmoid, not '{parts[2]}'."),
                };
            }
        }

        int? vw = thumbnail ? ThumbnailSize : null, vh = thumbnail ? ThumbnailSize : null;
        if (query.TryGetValue("viewport", out var v) && v.ToString() is { Length: > 0 } viewportText)
        {
            var parts = viewportText.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length is not (2 or 6) || !TryPositive(parts[0], out var width) || !TryPositive(parts[1], out var height) || width > 4096 || height > 4096)
            {
                throw DicomWebRequestException.BadRequest($"viewport must be vw,vh (1 to 4096), not '{viewportText}'.");
            }

            (vw, vh) = (width, height);
        }

        var quality = 90;
        if (query.TryGetValue("quality", out var q) && q.ToString() is { Length: > 0 } qualityText
            && (!int.TryParse(qualityText, NumberStyles.None, CultureInfo.InvariantCulture, out quality) || quality is < 1 or > 100))
        {
            throw DicomWebRequestException.BadRequest($"quality must be 1 to 100, not '{qualityText}'.");
        }

        return new RenderParameters(mediaType, window, function, vw, vh, quality);
    }

    private static string ChooseMediaType(StringValues accept)
    {
        var ranges = MediaTypeValue.ParseAccept(accept.ToString());
        if (ranges.Count == 0)
        {
            return DicomMediaTypes.Jpeg;
        }

        foreach (var range in ranges.Where(r => r.Quality > 0))
        {
            if (range.Is(DicomMediaTypes.Jpeg) || range.Is("image/*") || range.Is(DicomMediaTypes.Any))
            {
                return DicomMediaTypes.Jpeg;
            }

            if (range.Is(DicomMediaTypes.Png))
            {
                return DicomMediaTypes.Png;
            }
        }

        throw DicomWebRequestException.NotAcceptable($"Rendered images are available as image/jpeg or image/png, not {accept}.");
    }

    private static bool TryDouble(string s, out double value) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool TryPositive(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
