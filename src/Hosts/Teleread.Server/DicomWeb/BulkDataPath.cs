using System.Globalization;
using Teleread.Dicom;

namespace Teleread.Server.DicomWeb;

/// <summary>Resolves the tag paths used in this server's BulkDataURIs: "ggggeeee" or "ggggeeee/item/ggggeeee/…" (items from 0).</summary>
public static class BulkDataPath
{
    public static DicomAttribute Resolve(DicomDataset dataset, string path)
    {
        var parts = path.Split('/');
        var current = dataset;
        for (var i = 0; i < parts.Length; i += 2)
        {
            if (!DicomTag.TryParse(parts[i], out var tag))
            {
                throw DicomWebRequestException.BadRequest($"'{parts[i]}' in bulk data path is not a tag.");
            }

            var attribute = current.Get(tag) ?? throw DicomWebRequestException.NotFound($"No attribute {tag} at {path}.");
            if (i == parts.Length - 1)
            {
                return attribute;
            }

            if (attribute is not DicomSequence sequence || i + 1 >= parts.Length
                || !int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sequence.Items.Count)
            {
                throw DicomWebRequestException.NotFound($"No item at {path}.");
            }

            current = sequence.Items[index];
        }

        throw DicomWebRequestException.NotFound($"Bulk data path {path} names a sequence item, not a value.");
    }
}
