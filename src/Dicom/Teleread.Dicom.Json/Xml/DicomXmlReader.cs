using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Teleread.Dicom.Json.Xml;

/// <summary>
/// Reads the Native DICOM Model (PS3.19 Annex A) with a forward-only <see cref="XmlReader"/> (no DOM), with the same
/// character set, InlineBinary and BulkData rules as <see cref="DicomJsonReader"/>. "SingleByte" is accepted as the
/// older name of the Alphabetic person name group.
/// </summary>
public static class DicomXmlReader
{
    private static readonly string[] Components = ["FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"];

    public static DicomDataset Read(Stream xml) => Read(xml, out _);

    public static DicomDataset Read(string xml) => Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), out _);

    public static DicomDataset Read(Stream xml, out IReadOnlyList<DicomJsonBulkDataUri> bulkData)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, CheckCharacters = false, XmlResolver = null };
        var text = new DicomTextValues();
        var bulk = new List<DicomJsonBulkDataUri>();
        var root = new DicomDataset();
        try
        {
            using var r = XmlReader.Create(xml, settings);
            r.MoveToContent();
            if (r.LocalName != "NativeDicomModel")
            {
                throw new DicomJsonException($"Expected <NativeDicomModel>, found <{r.LocalName}>.");
            }

            ReadAttributes(r, root, text, bulk);
            text.EncodeAll(root);
        }
        catch (XmlException ex)
        {
            throw new DicomJsonException("Not valid XML: " + ex.Message, ex);
        }

        bulkData = bulk;
        return root;
    }

    /// <summary>Reads the DicomAttribute children of the current element (NativeDicomModel or Item) up to its end.</summary>
    private static void ReadAttributes(XmlReader r, DicomDataset target, DicomTextValues text, List<DicomJsonBulkDataUri> bulk)
    {
        if (r.IsEmptyElement)
        {
            return;
        }

        var depth = r.Depth;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "DicomAttribute")
            {
                ReadAttribute(r, target, text, bulk);
            }
        }
    }

    private static void ReadAttribute(XmlReader r, DicomDataset target, DicomTextValues text, List<DicomJsonBulkDataUri> bulk)
    {
        var tagText = r.GetAttribute("tag");
        var vrText = r.GetAttribute("vr");
        if (tagText is not { Length: 8 } || !uint.TryParse(tagText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tagValue))
        {
            throw new DicomJsonException($"DicomAttribute tag '{tagText}' is not eight hex digits.");
        }

        var tag = new DicomTag(tagValue);
        var vr = vrText is { Length: 2 } && DicomVR.TryParse((byte)vrText[0], (byte)vrText[1], out var v)
            ? v
            : vrText is null ? DicomDictionary.DefaultVR(tag) : throw new DicomJsonException($"{tag}: '{vrText}' is not a VR.");
        var values = new SortedDictionary<int, string>();
        var seq = vr == DicomVR.SQ ? new DicomSequence(tag) : null;
        byte[]? inline = null;
        string? uri = null;
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            while (r.Read() && r.Depth > depth)
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (r.LocalName)
                {
                    case "Value":
                        var n = Number(r, values.Count + 1);
                        values[n] = ReadText(r);
                        break;
                    case "PersonName":
                        values[Number(r, values.Count + 1)] = ReadPersonName(r);
                        break;
                    case "Item" when seq is not null:
                        var item = new DicomItem();
                        ReadAttributes(r, item, text, bulk);
                        seq.Items.Add(item);
                        break;
                    case "InlineBinary":
                        inline = Convert.FromBase64String(ReadText(r));
                        break;
                    case "BulkData":
                        uri = r.GetAttribute("uri") ?? r.GetAttribute("uuid");
                        break;
                }
            }
        }

        if (seq is not null)
        {
            target.AddOrUpdate(seq);
        }
        else if (inline is not null)
        {
            target.AddOrUpdate(tag == DicomTags.PixelData && inline.Length >= 8 && inline[0] == 0xFE && inline[1] == 0xFF && inline[2] == 0x00 && inline[3] == 0xE0
                ? DicomEncapsulatedValue.Decode(tag, vr, inline)
                : new DicomElement(tag, vr, inline));
        }
        else if (uri is not null)
        {
            target.AddOrUpdate(DicomFileBulkDataUri.TryParse(uri, out var reference) ? new DicomElement(tag, vr, reference!) : new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
            bulk.Add(new DicomJsonBulkDataUri(target, tag, vr, uri));
        }
        else if (vr.Kind == DicomVRKind.Binary)
        {
            target.AddOrUpdate(new DicomElement(tag, vr, Numbers(tag, vr, values)));
        }
        else
        {
            var count = values.Count == 0 ? 0 : values.Keys.Max();
            text.Add(target, tag, vr, string.Join('\\', Enumerable.Range(1, count).Select(i => values.GetValueOrDefault(i, ""))));
        }
    }

    /// <summary>The text of a text-only element; leaves the reader on its end (or empty) element, like the loops here expect.</summary>
    private static string ReadText(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return "";
        }

        var depth = r.Depth;
        var sb = new StringBuilder();
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                sb.Append(r.Value);
            }
        }

        return sb.ToString();
    }

    private static int Number(XmlReader r, int fallback) =>
        int.TryParse(r.GetAttribute("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1_000_000 ? n : fallback;

    private static string ReadPersonName(XmlReader r)
    {
        var groups = new string[3];
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            while (r.Read() && r.Depth > depth)
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var g = r.LocalName switch { "Alphabetic" or "SingleByte" => 0, "Ideographic" => 1, "Phonetic" => 2, _ => -1 };
                if (g >= 0)
                {
                    groups[g] = ReadGroup(r);
                }
            }
        }

        var last = groups[2] is not null ? 2 : groups[1] is not null ? 1 : 0;
        return string.Join('=', groups.Take(last + 1).Select(x => x ?? ""));
    }

    private static string ReadGroup(XmlReader r)
    {
        var components = new string[Components.Length];
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            while (r.Read() && r.Depth > depth)
            {
                if (r.NodeType == XmlNodeType.Element && Array.IndexOf(Components, r.LocalName) is var c and >= 0)
                {
                    components[c] = ReadText(r);
                }
            }
        }

        var last = Array.FindLastIndex(components, x => x is not null);
        return last < 0 ? "" : string.Join('^', components.Take(last + 1).Select(x => x ?? ""));
    }

    private static byte[] Numbers(DicomTag tag, DicomVR vr, SortedDictionary<int, string> values)
    {
        var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
        var bytes = new byte[values.Count * unit];
        var i = 0;
        foreach (var text in values.Values)
        {
            if (!TryWriteNumber(vr, text.Trim(), bytes.AsSpan(i * unit, unit)))
            {
                throw new DicomJsonException($"{tag} {vr}: '{text}' is not a {vr} value.");
            }

            i++;
        }

        return bytes;
    }

    private static bool TryWriteNumber(DicomVR vr, string s, Span<byte> b)
    {
        var c = CultureInfo.InvariantCulture;
        switch (vr.Code)
        {
            case "US" when ushort.TryParse(s, c, out var us): BinaryPrimitives.WriteUInt16LittleEndian(b, us); return true;
            case "SS" when short.TryParse(s, c, out var ss): BinaryPrimitives.WriteInt16LittleEndian(b, ss); return true;
            case "UL" when uint.TryParse(s, c, out var ul): BinaryPrimitives.WriteUInt32LittleEndian(b, ul); return true;
            case "SL" when int.TryParse(s, c, out var sl): BinaryPrimitives.WriteInt32LittleEndian(b, sl); return true;
            case "UV" when ulong.TryParse(s, c, out var uv): BinaryPrimitives.WriteUInt64LittleEndian(b, uv); return true;
            case "SV" when long.TryParse(s, c, out var sv): BinaryPrimitives.WriteInt64LittleEndian(b, sv); return true;
            case "FL" when float.TryParse(s, NumberStyles.Float, c, out var fl): BinaryPrimitives.WriteSingleLittleEndian(b, fl); return true;
            case "FD" when double.TryParse(s, NumberStyles.Float, c, out var fd): BinaryPrimitives.WriteDoubleLittleEndian(b, fd); return true;
            case "AT" when s.Length == 8 && uint.TryParse(s, NumberStyles.AllowHexSpecifier, c, out var at): DicomJsonValues.WriteAttributeTag(b, at); return true;
            default: return false;
        }
    }
}
