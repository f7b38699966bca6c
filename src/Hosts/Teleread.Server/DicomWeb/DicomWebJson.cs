using System.Buffers;
using Microsoft.Extensions.Primitives;
using Teleread.Dicom;
using Teleread.Dicom.Json;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>Writes DICOM JSON (PS3.18 F.2) responses straight into the response pipe, one data set at a time.</summary>
public static class DicomWebJson
{
    /// <summary>application/dicom+json unless the Accept header rules it (and application/json) out: then 406.</summary>
    public static string ChooseResponseType(StringValues accept)
    {
        var ranges = MediaTypeValue.ParseAccept(accept.ToString());
        if (ranges.Count == 0)
        {
            return DicomMediaTypes.DicomJson;
        }

        foreach (var range in ranges)
        {
            if (range.Quality <= 0)
            {
                continue;
            }

            if (range.Is(DicomMediaTypes.DicomJson) || range.Is(DicomMediaTypes.Any) || range.Is("application/*"))
            {
                return DicomMediaTypes.DicomJson;
            }

            if (range.Is(DicomMediaTypes.Json))
            {
                return DicomMediaTypes.Json;
            }
        }

        throw DicomWebRequestException.NotAcceptable($"This resource is available as {DicomMediaTypes.DicomJson}, not {accept}.");
    }

    public static async Task WriteAsync(HttpResponse response, DicomDataset dataset, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        DicomJsonWriter.Write(response.BodyWriter, dataset);
        await response.BodyWriter.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A JSON array of data sets, flushed after each so long answers stream.</summary>
    public static async Task WriteArrayAsync(HttpResponse response, IEnumerable<DicomDataset> datasets, string contentType, DicomJsonWriterOptions? options, CancellationToken ct)
    {
        response.ContentType = contentType;
        var writer = response.BodyWriter;
        writer.Write("["u8);
        var first = true;
        foreach (var dataset in datasets)
        {
            if (!first)
            {
                writer.Write(","u8);
            }

            first = false;
            DicomJsonWriter.Write(writer, dataset, options);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }

        writer.Write("]"u8);
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }
}
