using System.Globalization;

namespace Teleread.Dicom.Json;

/// <summary>
/// BulkDataURIs that point into the file a value was read from: "file:///path?offset=N&amp;length=M", the byte range of
/// the value (for encapsulated pixel data: from the Basic Offset Table item to the end of the last fragment).
/// Use with a file read with a <see cref="IO.DicomReaderOptions.BulkDataThreshold"/> so large values stay in the file.
/// </summary>
public static class DicomFileBulkDataUri
{
    /// <summary>The URI for a value left in its file in little endian order, or null (the writer then inlines it).</summary>
    public static string? For(DicomJsonBulkData value) => value.Attribute switch
    {
        DicomElement { BulkData: { FilePath: { } path, SwapUnit: 1 } bulk } => Format(path, bulk.Offset, bulk.Length),
        DicomFragmentSequence f => ForFragments(f),
        _ => null,
    };

    public static string Format(string path, long offset, long length) =>
        new Uri(Path.GetFullPath(path)).AbsoluteUri
        + "?offset=" + offset.ToString(CultureInfo.InvariantCulture)
        + "&length=" + length.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a URI made by <see cref="Format"/> back into a reference to the file range.</summary>
    public static bool TryParse(string uri, out DicomBulkDataReference? reference)
    {
        reference = null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || !u.IsFile)
        {
            return false;
        }

        long offset = -1, length = -1;
        foreach (var pair in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var name = pair[..eq];
            var ok = long.TryParse(pair[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n);
            if (ok && name == "offset")
            {
                offset = n;
            }
            else if (ok && name == "length")
            {
                length = n;
            }
        }

        if (offset < 0 || length < 0)
        {
            return false;
        }

        reference = new DicomBulkDataReference(u.LocalPath, offset, length);
        return true;
    }

    private static string? ForFragments(DicomFragmentSequence f)
    {
        // Only when every fragment was left in the same file, contiguous after the offset table item.
        if (f.Fragments.Count == 0 || f.Fragments[0].BulkData is not { FilePath: { } path } first)
        {
            return null;
        }

        long expected = first.Offset;
        foreach (var fragment in f.Fragments)
        {
            if (fragment.BulkData is not { } b || b.FilePath != path || b.Offset != expected)
            {
                return null;
            }

            expected = b.Offset + b.Length + 8;
        }

        var start = first.Offset - 8 - f.OffsetTableBytes.Length - 8;
        return Format(path, start, expected - 8 - start);
    }
}
