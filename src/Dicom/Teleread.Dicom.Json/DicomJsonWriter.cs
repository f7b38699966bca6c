using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Json;

/// <summary>
/// Writes data sets in the DICOM JSON Model (PS3.18 Annex F), streaming through a <see cref="Utf8JsonWriter"/>:
/// attributes in tag order, "vr" always, PN as component group objects, AT as "ggggeeee", DS/IS as numbers when their
/// text is a JSON number (else strings, see <see cref="DicomNumericString"/>), binary values as InlineBinary or BulkDataURI.
/// </summary>
public static class DicomJsonWriter
{
    private static readonly JsonWriterOptions Compact = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Indented = true, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one data set as a JSON object.</summary>
    public static void Write(Stream utf8Json, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var w = new Utf8JsonWriter(utf8Json, options.Indented ? Indented : Compact);
        Write(w, dataset, options);
    }

    public static void Write(IBufferWriter<byte> utf8Json, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var w = new Utf8JsonWriter(utf8Json, options.Indented ? Indented : Compact);
        Write(w, dataset, options);
    }

    /// <summary>Writes the DICOMweb metadata form: a JSON array of data set objects.</summary>
    public static void WriteArray(Stream utf8Json, IEnumerable<DicomDataset> datasets, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var w = new Utf8JsonWriter(utf8Json, options.Indented ? Indented : Compact);
        w.WriteStartArray();
        foreach (var ds in datasets)
        {
            Write(w, ds, options);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one data set object into an existing writer (e.g. inside a larger document).</summary>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        new Session(writer, options ?? DicomJsonWriterOptions.Default).WriteDataset(dataset);
        writer.Flush();
    }

    public static string Serialize(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, dataset, options);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class Session(Utf8JsonWriter w, DicomJsonWriterOptions options)
    {
        private readonly List<(uint Tag, int Item)> _path = [];

        public void WriteDataset(DicomDataset dataset)
        {
            w.WriteStartObject();
            Span<byte> key = stackalloc byte[8];
            var cs = dataset.CharacterSet;
            foreach (var attribute in dataset)
            {
                DicomJsonValues.TryFormatTagKey(attribute.Tag.Value, key);
                w.WritePropertyName(key);
                w.WriteStartObject();
                var resolved = attribute is DicomElement element ? DicomImplicitVR.Resolve(element, dataset, options.PrivateVRFromDictionary) : attribute;
                w.WriteString("vr"u8, resolved.VR.Code);
                switch (resolved)
                {
                    case DicomSequence s:
                        WriteSequence(s);
                        break;
                    case DicomFragmentSequence f:
                        WriteBinary(f);
                        break;
                    case DicomElement e:
                        WriteElement(e, cs);
                        break;
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        private void WriteSequence(DicomSequence s)
        {
            // F.2.5: a sequence without items has no "Value".
            if (s.Items.Count == 0)
            {
                return;
            }

            w.WriteStartArray("Value"u8);
            for (var i = 0; i < s.Items.Count; i++)
            {
                _path.Add((s.Tag.Value, i));
                WriteDataset(s.Items[i]);
                _path.RemoveAt(_path.Count - 1);
            }

            w.WriteEndArray();
        }

        private void WriteElement(DicomElement e, DicomCharacterSet cs)
        {
            var vr = e.VR;
            if (DicomJsonValues.IsBinary(vr))
            {
                WriteBinary(e);
                return;
            }

            if (e.Length == 0)
            {
                return;
            }

            if (vr.Kind == DicomVRKind.Binary)
            {
                WriteNumbers(e);
                return;
            }

            var bytes = e.LoadValue().Span;
            if (Ascii.IsValid(bytes) && (!vr.IsAffectedBySpecificCharacterSet || IsAsciiCompatible(cs)))
            {
                WriteAsciiValues(bytes, vr);
                return;
            }

            var values = e.GetStrings(cs);
            if (values.Length == 0)
            {
                return;
            }

            w.WriteStartArray("Value"u8);
            foreach (var v in values)
            {
                if (v.Length == 0)
                {
                    w.WriteNullValue();
                }
                else if (vr == DicomVR.PN)
                {
                    WritePersonName(v);
                }
                else if (vr.Kind == DicomVRKind.NumericString && DicomNumericString.IsJsonNumber(v))
                {
                    w.WriteRawValue(v, skipInputValidation: true);
                }
                else
                {
                    w.WriteStringValue(v);
                }
            }

            w.WriteEndArray();
        }

        // The common case without allocating: ASCII bytes are already UTF-8, split at '\\' and trimmed like GetStrings.
        private void WriteAsciiValues(ReadOnlySpan<byte> bytes, DicomVR vr)
        {
            var trimmed = bytes.TrimEnd(" \0"u8);
            if (trimmed.Length == 0 || (!vr.IsSingleValuedText && trimmed.TrimStart(" \0"u8).Length == 0))
            {
                return;
            }

            w.WriteStartArray("Value"u8);
            if (vr.IsSingleValuedText)
            {
                w.WriteStringValue(trimmed);
                w.WriteEndArray();
                return;
            }

            Span<char> chars = stackalloc char[64];
            while (true)
            {
                var slash = trimmed.IndexOf((byte)'\\');
                var value = slash < 0 ? trimmed : trimmed[..slash];
                value = vr == DicomVR.PN ? value.TrimEnd(" \0"u8) : value.Trim(" \0"u8);
                if (value.Length == 0)
                {
                    w.WriteNullValue();
                }
                else if (vr == DicomVR.PN)
                {
                    WritePersonName(value);
                }
                else if (vr.Kind == DicomVRKind.NumericString && value.Length <= chars.Length
                    && DicomNumericString.IsJsonNumber(chars[..Encoding.ASCII.GetChars(value, chars)]))
                {
                    w.WriteRawValue(value, skipInputValidation: true);
                }
                else
                {
                    w.WriteStringValue(value);
                }

                if (slash < 0)
                {
                    break;
                }

                trimmed = trimmed[(slash + 1)..];
            }

            w.WriteEndArray();
        }

        private void WritePersonName(ReadOnlySpan<byte> value)
        {
            w.WriteStartObject();
            var rest = value;
            for (var g = 0; g < 3; g++)
            {
                var eq = rest.IndexOf((byte)'=');
                var group = eq < 0 ? rest : rest[..eq];
                if (group.Length > 0)
                {
                    w.WriteString(g == 0 ? "Alphabetic"u8 : g == 1 ? "Ideographic"u8 : "Phonetic"u8, group);
                }

                if (eq < 0)
                {
                    break;
                }

                rest = rest[(eq + 1)..];
            }

            w.WriteEndObject();
        }

        /// <summary>Character sets in which ASCII bytes (without ESC) mean ASCII; not ISO_IR 13, where 0x5C is the yen sign.</summary>
        private static bool IsAsciiCompatible(DicomCharacterSet cs) =>
            cs.Terms.Count == 0 || (cs.Terms.Count == 1 && cs.Terms[0] is "" or "ISO_IR 6" or "ISO_IR 100" or "ISO_IR 101" or "ISO_IR 109" or "ISO_IR 110"
                or "ISO_IR 144" or "ISO_IR 127" or "ISO_IR 126" or "ISO_IR 138" or "ISO_IR 148" or "ISO_IR 203" or "ISO_IR 166" or "ISO_IR 192" or "GB18030" or "GBK");

        private void WritePersonName(string value)
        {
            w.WriteStartObject();
            var rest = value.AsSpan();
            ReadOnlySpan<string> names = ["Alphabetic", "Ideographic", "Phonetic"];
            for (var g = 0; g < names.Length && rest.Length >= 0; g++)
            {
                var eq = rest.IndexOf('=');
                var group = eq < 0 ? rest : rest[..eq];
                if (group.Length > 0)
                {
                    w.WriteString(names[g], group);
                }

                if (eq < 0)
                {
                    break;
                }

                rest = rest[(eq + 1)..];
            }

            w.WriteEndObject();
        }

        private void WriteNumbers(DicomElement e)
        {
            var vr = e.VR;
            var bytes = e.LoadValue().Span;
            var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
            if (bytes.Length < unit)
            {
                return;
            }

            w.WriteStartArray("Value"u8);
            Span<byte> hex = stackalloc byte[8];
            for (var i = 0; i + unit <= bytes.Length; i += unit)
            {
                var b = bytes.Slice(i, unit);
                switch (vr.Code)
                {
                    case "US": w.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(b)); break;
                    case "SS": w.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(b)); break;
                    case "UL": w.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(b)); break;
                    case "SL": w.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(b)); break;
                    case "UV": w.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(b)); break;
                    case "SV": w.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(b)); break;
                    case "FL": WriteFloat(BinaryPrimitives.ReadSingleLittleEndian(b)); break;
                    case "FD": WriteDouble(BinaryPrimitives.ReadDoubleLittleEndian(b)); break;
                    case "AT":
                        DicomJsonValues.TryFormatTagKey(DicomJsonValues.ReadAttributeTag(b), hex);
                        w.WriteStringValue(hex);
                        break;
                }
            }

            w.WriteEndArray();
        }

        // JSON has no NaN or infinities; they are written as the strings "NaN", "Infinity", "-Infinity" (read back likewise).
        private void WriteFloat(float f)
        {
            if (float.IsFinite(f))
            {
                w.WriteNumberValue(f);
            }
            else
            {
                w.WriteStringValue(NonFinite(f));
            }
        }

        private void WriteDouble(double d)
        {
            if (double.IsFinite(d))
            {
                w.WriteNumberValue(d);
            }
            else
            {
                w.WriteStringValue(NonFinite(d));
            }
        }

        private static string NonFinite(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

        private void WriteBinary(DicomAttribute attribute)
        {
            var length = DicomJsonValues.BinaryLength(attribute);
            if (length == 0)
            {
                return;
            }

            if (options.BulkDataUri is { } uriFor && length > options.InlineBinaryThreshold)
            {
                var uri = uriFor(new DicomJsonBulkData(DicomJsonValues.Path(_path, attribute.Tag.Value), attribute, length));
                if (uri is not null)
                {
                    w.WriteString("BulkDataURI"u8, uri);
                    return;
                }
            }

            w.WriteBase64String("InlineBinary"u8, DicomJsonValues.BinaryValue(attribute).Span);
        }
    }
}
