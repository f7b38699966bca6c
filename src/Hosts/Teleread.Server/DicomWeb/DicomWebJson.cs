using System.Buffers;
using Microsoft.Extensions.Primitives;
using Teleread.Dicom;
using Teleread.Dicom.Json;
using Teleread.Dicom.Json.Xml;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>Writes DICOM JSON (PS3.18 F.2) responses straight into the response pipe, one data set at a time (and single data sets as PS3.19 XML).</summary>
public static class DicomWebJson
{
    /// <summary>application/dicom+json unless the Accept header rules it (and application/json) out: then 406.</summary>
    public static string ChooseResponseType(StringValues accept) => Choose(accept, xml: false);

    /// <summary>
    /// For a single data set response (the STOW-RS store response): DICOM JSON, or the Native DICOM Model
    /// (application/dicom+xml, PS3.19) when the client prefers or accepts only XML (PS3.18 10.5.3).
    /// </summary>
    public static string ChooseDatasetResponseType(StringValues accept) => Choose(accept, xml: true);

    private static string Choose(StringValues accept, bool xml)
    {
        // ParseAccept orders by quality (then by position) and drops q=0.
        var ranges = MediaTypeValue.ParseAccept(accept.ToString());
        if (ranges.Count == 0)
        {
            return DicomMediaTypes.DicomJson;
        }

        foreach (var range in ranges)
        {
            if (range.Is(DicomMediaTypes.DicomJson) || range.Is(DicomMediaTypes.Any) || range.Is("application/*"))
            {
                return DicomMediaTypes.DicomJson;
            }

            if (range.Is(DicomMediaTypes.Json))
            {
                return DicomMediaTypes.Json;
            }

            if (xml && range.Is(DicomMediaTypes.DicomXml))
            {
                return DicomMediaTypes.DicomXml;
            }
        }

        throw DicomWebRequestException.NotAcceptable(xml
            ? $"This resource is available as {DicomMediaTypes.DicomJson} or {DicomMediaTypes.DicomXml}, not {accept}."
            : $"This resource is available as {DicomMediaTypes.DicomJson}, not {accept}.");
    }

    /// <summary>One data set as DICOM JSON, or as the Native DICOM Model when <paramref name="contentType"/> is application/dicom+xml.</summary>
    public static async Task WriteAsync(HttpResponse response, DicomDataset dataset, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        if (contentType == DicomMediaTypes.DicomXml)
        {
            // XmlWriter writes synchronously: build the (small) document first, then send it.
            using var xml = new MemoryStream();
            DicomXmlWriter.Write(xml, dataset);
            await response.Body.WriteAsync(xml.GetBuffer().AsMemory(0, (int)xml.Length), ct).ConfigureAwait(false);
            return;
        }

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
