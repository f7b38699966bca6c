using System.Globalization;
using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>A human-readable listing in the style of DCMTK's dcmdump: one line per element, tag, VR, value, length, VM and keyword.</summary>
public static class DicomDumper
{
    private const int ValueWidth = 40;
    private const int MaxValueChars = 64;

    public static string Dump(DicomFile file)
    {
        var sb = new StringBuilder();
        Dump(file, new StringWriter(sb, CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static void Dump(DicomFile file, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("# Dicom-File-Format");
        writer.WriteLine();
        writer.WriteLine("# Dicom-Meta-Information-Header");
        writer.WriteLine("# Used TransferSyntax: Little Endian Explicit");
        Dump(file.FileMetaInformation, writer);
        writer.WriteLine();
        writer.WriteLine("# Dicom-Data-Set");
        writer.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        Dump(file.Dataset, writer);
        if (file.StoppedAt is { } stop)
        {
            writer.WriteLine($"# Reading stopped before {Tag(stop)}");
        }

        foreach (var warning in file.ReadWarnings)
        {
            writer.WriteLine($"# Warning: {warning}");
        }
    }

    public static void Dump(DicomDataset dataset, TextWriter writer, int depth = 0)
    {
        var indent = new string(' ', depth * 2);
        foreach (var attribute in dataset)
        {
            switch (attribute)
            {
                case DicomElement e:
                    Line(writer, indent, $"{Tag(e.Tag)} {e.VR.Code} {Value(e, dataset)}", e.IsBulkData ? "bulk" : e.Length.ToString(CultureInfo.InvariantCulture), SafeCount(e, dataset), Keyword(e.Tag, dataset));
                    break;
                case DicomSequence s:
                    var undefined = s.UndefinedLength ?? true;
                    Line(writer, indent, $"{Tag(s.Tag)} SQ (Sequence with {(undefined ? "undefined" : "explicit")} length #={s.Items.Count})", undefined ? "u/l" : "-", 1, Keyword(s.Tag, dataset));
                    foreach (var item in s.Items)
                    {
                        var itemUndefined = item.UndefinedLength ?? true;
                        Line(writer, indent + "  ", $"(fffe,e000) na (Item with {(itemUndefined ? "undefined" : "explicit")} length #={item.Count})", itemUndefined ? "u/l" : "-", 1, "Item");
                        Dump(item, writer, depth + 2);
                        Line(writer, indent + "  ", "(fffe,e00d) na (ItemDelimitationItem)", "0", 0, "ItemDelimitationItem");
                    }

                    Line(writer, indent, "(fffe,e0dd) na (SequenceDelimitationItem)", "0", 0, "SequenceDelimitationItem");
                    break;
                case DicomFragmentSequence f:
                    Line(writer, indent, $"{Tag(f.Tag)} {f.VR.Code} (PixelSequence #={f.Fragments.Count + 1})", "u/l", 1, Keyword(f.Tag, dataset));
                    Line(writer, indent + "  ", $"(fffe,e000) pi {Hex(f.OffsetTableBytes.Span)}", f.OffsetTableBytes.Length.ToString(CultureInfo.InvariantCulture), 1, "Item");
                    foreach (var fragment in f.Fragments)
                    {
                        var shown = fragment.BulkData is null ? Hex(fragment.Data.Span) : $"(not loaded: {fragment.BulkData})";
                        Line(writer, indent + "  ", $"(fffe,e000) pi {shown}", fragment.Length.ToString(CultureInfo.InvariantCulture), 1, "Item");
                    }

                    Line(writer, indent, "(fffe,e0dd) na (SequenceDelimitationItem)", "0", 0, "SequenceDelimitationItem");
                    break;
            }
        }
    }

    private static void Line(TextWriter writer, string indent, string body, string length, int vm, string keyword)
    {
        var text = indent + body;
        writer.Write(text.Length < ValueWidth + 12 ? text.PadRight(ValueWidth + 12) : text);
        writer.WriteLine($" # {length,4}, {vm} {keyword}");
    }

    private static string Value(DicomElement e, DicomDataset dataset)
    {
        if (e.IsBulkData)
        {
            return $"(not loaded: {e.BulkData})";
        }

        if (e.Length == 0)
        {
            return "(no value available)";
        }

        string text;
        if (e.VR.Kind == DicomVRKind.Binary)
        {
            text = e.VR == DicomVR.OB || e.VR == DicomVR.UN ? Hex(e.Value.Span) : e.GetString();
            return Shorten(text);
        }

        try
        {
            text = e.GetString(dataset.CharacterSet);
        }
        catch (DicomCharacterSetException)
        {
            text = Encoding.Latin1.GetString(e.Value.Span).TrimEnd(' ', '\0');
        }

        return "[" + Shorten(text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)) + "]";
    }

    private static int SafeCount(DicomElement e, DicomDataset dataset) =>
        e.IsBulkData || e.VR == DicomVR.OB || e.VR == DicomVR.OW || e.VR == DicomVR.OD || e.VR == DicomVR.OF
        || e.VR == DicomVR.OL || e.VR == DicomVR.OV || e.VR == DicomVR.UN ? 1 : e.GetCount(dataset.CharacterSet);

    private static string Keyword(DicomTag tag, DicomDataset dataset)
    {
        if (tag.IsPrivateCreator)
        {
            return "PrivateCreator";
        }

        if (tag.IsPrivate)
        {
            var creator = dataset.GetElement(tag.PrivateCreatorTag)?.GetString();
            return creator is not null && DicomDictionary.FindPrivate(tag, creator) is { } p ? p.Keyword : "Unknown Tag & Data";
        }

        return tag.IsGroupLength && DicomDictionary.Find(tag) is null ? "GenericGroupLength" : DicomDictionary.Find(tag)?.Keyword ?? "Unknown Tag & Data";
    }

    private static string Tag(DicomTag tag) => tag.ToString().ToLowerInvariant();

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        var n = Math.Min(bytes.Length, MaxValueChars / 3 + 1);
        var sb = new StringBuilder(n * 3);
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            sb.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return Shorten(sb.ToString(), bytes.Length > n);
    }

    private static string Shorten(string s, bool more = false) =>
        s.Length > MaxValueChars ? s[..MaxValueChars] + "..." : more ? s + "..." : s;
}
