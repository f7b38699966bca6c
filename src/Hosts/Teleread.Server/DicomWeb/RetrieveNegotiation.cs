using Microsoft.Extensions.Primitives;
using Teleread.Dicom;
using Teleread.Dicom.Web;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// Accept header negotiation of PS3.18 8.7: which part media type and transfer syntax to send. A transfer syntax of
/// "*" means as stored; none named means Explicit VR Little Endian for uncompressed data and as stored otherwise.
/// </summary>
public static class RetrieveNegotiation
{
    public const string AsStored = "*";

    /// <summary>The transfer syntax UID asked for application/dicom parts (null = the default, "*" = as stored).</summary>
    public static string? InstanceSyntax(StringValues accept)
    {
        var ranges = MediaTypeValue.ParseAccept(accept.ToString());
        if (ranges.Count == 0)
        {
            return null;
        }

        foreach (var range in ranges.Where(r => r.Quality > 0))
        {
            if (range.Is(DicomMediaTypes.Any) || range.Is("multipart/*"))
            {
                return range.Parameter("transfer-syntax");
            }

            if (range.Is(DicomMediaTypes.Dicom))
            {
                return range.Parameter("transfer-syntax");
            }

            if (range.Is(DicomMediaTypes.MultipartRelated))
            {
                var type = range.Parameter("type");
                if (type is null || MediaTypeValue.Parse(type).Is(DicomMediaTypes.Dicom))
                {
                    return range.Parameter("transfer-syntax");
                }
            }
        }

        throw DicomWebRequestException.NotAcceptable($"Instances are sent as multipart/related; type=\"application/dicom\", not {accept}.");
    }

    /// <summary>The syntax to send an instance stored in <paramref name="stored"/> in; 406 when that needs a codec this server lacks.</summary>
    public static DicomTransferSyntax Resolve(string? requested, DicomTransferSyntax stored)
    {
        if (requested == AsStored)
        {
            return stored;
        }

        if (requested is null)
        {
            return stored.IsEncapsulated || stored.IsDeflated ? stored : DicomTransferSyntax.ExplicitVRLittleEndian;
        }

        var target = DicomTransferSyntax.Lookup(requested);
        if (target.Uid == stored.Uid)
        {
            return stored;
        }

        if (!target.IsKnown || target.IsEncapsulated || stored.IsEncapsulated)
        {
            throw DicomWebRequestException.NotAcceptable($"Cannot convert {stored.Name} to {target.Uid}; ask for transfer-syntax=* or {stored.Uid}.");
        }

        return target;
    }

    /// <summary>For frames: true when native (application/octet-stream, uncompressed) frames are wanted, false for the stored bitstream.</summary>
    public static bool WantsNativeFrames(StringValues accept, DicomTransferSyntax stored)
    {
        var ranges = MediaTypeValue.ParseAccept(accept.ToString());
        if (ranges.Count == 0)
        {
            return true;
        }

        foreach (var range in ranges.Where(r => r.Quality > 0))
        {
            var type = range.Is(DicomMediaTypes.MultipartRelated) ? range.Parameter("type") is { } t ? MediaTypeValue.Parse(t).MediaType : DicomMediaTypes.OctetStream : range.MediaType;
            var syntax = range.Parameter("transfer-syntax");
            if (type.Equals(DicomMediaTypes.OctetStream, StringComparison.OrdinalIgnoreCase))
            {
                if (syntax is null || syntax == DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
                {
                    return true;
                }

                if (syntax == AsStored || syntax == stored.Uid)
                {
                    return !stored.IsEncapsulated;
                }

                continue;
            }

            if (type == DicomMediaTypes.Any || type == "*/*" || type == "multipart/*")
            {
                return syntax != AsStored || !stored.IsEncapsulated;
            }

            if (stored.IsEncapsulated && type.Equals(CompressedFrameMediaType(stored), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        throw DicomWebRequestException.NotAcceptable($"Frames of this instance are available as application/octet-stream or {CompressedFrameMediaType(stored)}, not {accept}.");
    }

    /// <summary>The single-frame media type of PS3.18 Table 8.7.3-2 for an encapsulated syntax.</summary>
    public static string CompressedFrameMediaType(DicomTransferSyntax syntax) => syntax.Uid switch
    {
        "1.2.840.10008.1.2.5" => "image/x-dicom-rle",
        "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51" or "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70" => "image/jpeg",
        "1.2.840.10008.1.2.4.80" or "1.2.840.10008.1.2.4.81" => "image/jls",
        "1.2.840.10008.1.2.4.90" or "1.2.840.10008.1.2.4.91" => "image/jp2",
        "1.2.840.10008.1.2.4.201" or "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.4.203" => "image/jphc",
        _ => DicomMediaTypes.OctetStream,
    };
}
