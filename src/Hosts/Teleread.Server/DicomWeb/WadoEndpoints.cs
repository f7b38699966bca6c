using Microsoft.AspNetCore.Mvc;
using System.Buffers;
using System.Globalization;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.Json;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// WADO-RS (PS3.18 10.4): studies, series and instances as multipart/related application/dicom, metadata as DICOM JSON
/// with BulkDataURIs, bulk data, and frames.
/// </summary>
public static class WadoEndpoints
{
    private const string InstancePath = "/studies/{study}/series/{series}/instances/{instance}";

    public static RouteGroupBuilder MapWado(this RouteGroupBuilder group)
    {
        group.MapGet("/studies/{study}", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, CancellationToken ct) =>
            RetrieveAsync(http, archive, study, null, null, ct));
        group.MapGet("/studies/{study}/series/{series}", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, CancellationToken ct) =>
            RetrieveAsync(http, archive, study, series, null, ct));
        group.MapGet(InstancePath, (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, CancellationToken ct) =>
            RetrieveAsync(http, archive, study, series, instance, ct));

        group.MapGet("/studies/{study}/metadata", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, CancellationToken ct) =>
            MetadataAsync(http, archive, study, null, null, ct));
        group.MapGet("/studies/{study}/series/{series}/metadata", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, CancellationToken ct) =>
            MetadataAsync(http, archive, study, series, null, ct));
        group.MapGet(InstancePath + "/metadata", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, CancellationToken ct) =>
            MetadataAsync(http, archive, study, series, instance, ct));

        group.MapGet(InstancePath + "/bulkdata/{**path}", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, string path, CancellationToken ct) =>
            BulkDataAsync(http, archive, study, series, instance, path, ct));
        group.MapGet(InstancePath + "/frames/{frames}", (HttpContext http, [FromServices] IDicomWebArchive archive, string study, string series, string instance, string frames, CancellationToken ct) =>
            FramesAsync(http, archive, study, series, instance, frames, ct));
        return group;
    }

    private static async Task RetrieveAsync(HttpContext http, IDicomWebArchive archive, string study, string? series, string? instance, CancellationToken ct)
    {
        var requested = RetrieveNegotiation.InstanceSyntax(http.Request.Headers.Accept);
        var instances = await DicomWebInstanceAccess.FindAsync(http, archive, study, series, instance, ct).ConfigureAwait(false);
        var plan = instances.Select(i => (Instance: i, Stored: DicomTransferSyntax.Lookup(i.TransferSyntaxUid))).Select(p => (p.Instance, p.Stored, Send: RetrieveNegotiation.Resolve(requested, p.Stored))).ToList();

        var writer = new MultipartRelatedWriter(http.Response.Body);
        var single = plan.Select(p => p.Send.Uid).Distinct().Count() == 1 && requested != RetrieveNegotiation.AsStored ? plan[0].Send.Uid : null;
        http.Response.ContentType = writer.ContentType(DicomMediaTypes.Dicom, single);
        var asStored = plan.Where(p => p.Send.Uid == p.Stored.Uid).Select(p => p.Instance).ToList();
        await using var readAhead = new ReadAhead<DicomWebInstance>(asStored, i => i.Length, archive.OpenAsync, ct, http.RequestServices.GetService<ReadAheadBudget>());
        foreach (var (item, stored, send) in plan)
        {
            var partType = $"{DicomMediaTypes.Dicom}; transfer-syntax={send.Uid}";
            var headers = new Dictionary<string, string> { ["Content-Location"] = DicomWebPaths.Instance(http, item) };
            if (send.Uid == stored.Uid)
            {
                await using var source = await readAhead.NextAsync().ConfigureAwait(false);
                await writer.WritePartAsync(partType, source, headers, ct).ConfigureAwait(false);
            }
            else
            {
                var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
                using var transcoded = new MemoryStream();
                file.Save(transcoded, send);
                transcoded.Position = 0;
                await writer.WritePartAsync(partType, transcoded, headers, ct).ConfigureAwait(false);
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task MetadataAsync(HttpContext http, IDicomWebArchive archive, string study, string? series, string? instance, CancellationToken ct)
    {
        var responseType = DicomWebJson.ChooseResponseType(http.Request.Headers.Accept);
        var instances = await DicomWebInstanceAccess.FindAsync(http, archive, study, series, instance, ct).ConfigureAwait(false);
        http.Response.ContentType = responseType;
        var writer = http.Response.BodyWriter;
        writer.Write("["u8);
        for (var i = 0; i < instances.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(","u8);
            }

            var item = instances[i];
            var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
            var instanceUrl = DicomWebPaths.Instance(http, item);
            var options = new DicomJsonWriterOptions { BulkDataUri = b => $"{instanceUrl}/bulkdata/{b.TagPath}" };
            DicomJsonWriter.Write(writer, file.Dataset, options);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }

        writer.Write("]"u8);
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }

    private static async Task BulkDataAsync(HttpContext http, IDicomWebArchive archive, string study, string series, string instance, string path, CancellationToken ct)
    {
        var item = await DicomWebInstanceAccess.FindOneAsync(http, archive, study, series, instance, ct).ConfigureAwait(false);
        var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
        var attribute = BulkDataPath.Resolve(file.Dataset, path);
        var writer = new MultipartRelatedWriter(http.Response.Body);
        if (attribute is DicomFragmentSequence && attribute.Tag == DicomTags.PixelData)
        {
            // Encapsulated pixel data as bulk data: one part per frame, in the stored syntax's frame media type.
            var frames = new DicomInstanceFrames(file);
            var type = RetrieveNegotiation.CompressedFrameMediaType(file.TransferSyntax);
            http.Response.ContentType = writer.ContentType(type, file.TransferSyntax.Uid);
            for (var f = 1; f <= frames.Description.NumberOfFrames; f++)
            {
                await writer.WritePartAsync($"{type}; transfer-syntax={file.TransferSyntax.Uid}", new MemoryStream(frames.EncapsulatedFrame(f)), null, ct).ConfigureAwait(false);
            }
        }
        else if (attribute is DicomElement element)
        {
            http.Response.ContentType = writer.ContentType(DicomMediaTypes.OctetStream);
            await writer.WritePartAsync(DicomMediaTypes.OctetStream, new MemoryStream(element.LoadValue().ToArray()), null, ct).ConfigureAwait(false);
        }
        else
        {
            throw DicomWebRequestException.NotFound($"{path} is not a bulk data value.");
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task FramesAsync(HttpContext http, IDicomWebArchive archive, string study, string series, string instance, string frameList, CancellationToken ct)
    {
        var numbers = ParseFrameList(frameList);
        var item = await DicomWebInstanceAccess.FindOneAsync(http, archive, study, series, instance, ct).ConfigureAwait(false);
        var file = await DicomWebInstanceAccess.LoadAsync(archive, item, ct).ConfigureAwait(false);
        var frames = new DicomInstanceFrames(file);
        var native = RetrieveNegotiation.WantsNativeFrames(http.Request.Headers.Accept, frames.TransferSyntax);
        if (native && !frames.CanDecode)
        {
            throw DicomWebRequestException.NotAcceptable($"Frames stored as {frames.TransferSyntax.Name} can only be sent as stored ({RetrieveNegotiation.CompressedFrameMediaType(frames.TransferSyntax)}).");
        }

        foreach (var n in numbers)
        {
            frames.CheckFrameNumber(n);
        }

        var syntax = native ? DicomTransferSyntax.ExplicitVRLittleEndian : frames.TransferSyntax;
        var type = native ? DicomMediaTypes.OctetStream : RetrieveNegotiation.CompressedFrameMediaType(syntax);
        var writer = new MultipartRelatedWriter(http.Response.Body);
        http.Response.ContentType = writer.ContentType(type, syntax.Uid);
        var baseUrl = DicomWebPaths.Instance(http, item);
        foreach (var n in numbers)
        {
            var bytes = native ? frames.NativeFrame(n) : frames.EncapsulatedFrame(n);
            var headers = new Dictionary<string, string> { ["Content-Location"] = $"{baseUrl}/frames/{n}" };
            await writer.WritePartAsync($"{type}; transfer-syntax={syntax.Uid}", new MemoryStream(bytes), headers, ct).ConfigureAwait(false);
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>"1,3,5" → 1-based frame numbers (PS3.18 8.3.3.1.4).</summary>
    public static IReadOnlyList<int> ParseFrameList(string list)
    {
        var numbers = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw DicomWebRequestException.BadRequest($"'{part}' is not a frame number (1 or more).");
            }

            numbers.Add(n);
        }

        return numbers;
    }
}
