using System.Text.Json;
using Teleread.Dicom.Json;

namespace Teleread.Dicom.Json.Tests;

/// <summary>Our JSON for a sample file with every binary value named by its digest, the way pydicom_json.py names them.</summary>
internal static class OurJson
{
    public static readonly DicomJsonWriterOptions DigestOptions = new()
    {
        InlineBinaryThreshold = 0,
        BulkDataUri = b => JsonModelComparer.Digest(b.LoadValue().Span),
    };

    public static string Of(DicomDataset dataset) => DicomJsonWriter.Serialize(dataset, DigestOptions);

    /// <summary>
    /// Normalisation for private elements of implicit VR files that our private dictionary (DCMTK's private.dic) does not
    /// know but the other tool's does: our element is UN (its bytes as stored); it is re-read with the other tool's VR
    /// so the values can be compared. Returns how many elements were re-read.
    /// </summary>
    public static int AdoptPrivateVRs(DicomDataset ours, JsonElement theirs)
    {
        var count = 0;
        foreach (var attribute in ours.ToList())
        {
            if (!theirs.TryGetProperty(DicomJsonValues.TagKey(attribute.Tag.Value), out var their))
            {
                continue;
            }

            var vr = their.GetProperty("vr").GetString()!;
            if (attribute is DicomElement { VR.Code: "UN" } e && e.Tag.IsPrivate && vr is not "UN" and not "SQ" && !vr.Contains(' ', StringComparison.Ordinal))
            {
                ours.AddOrUpdate(new DicomElement(e.Tag, DicomVR.Parse(vr), e.LoadValue()));
                count++;
            }
            else if (attribute is DicomSequence s && their.TryGetProperty("Value", out var items))
            {
                var i = 0;
                foreach (var item in items.EnumerateArray())
                {
                    if (i < s.Items.Count)
                    {
                        count += AdoptPrivateVRs(s.Items[i++], item);
                    }
                }
            }
        }

        return count;
    }
}
