using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Teleread.Dicom.Json;

/// <summary>
/// Reads the DICOM JSON Model (PS3.18 Annex F) into data sets with a forward-only <see cref="Utf8JsonReader"/>.
/// Text is encoded in each data set's Specific Character Set (ISO_IR 192 is added when none is declared and text is
/// not ASCII); InlineBinary is decoded; a BulkDataURI is reported as a <see cref="DicomJsonBulkDataUri"/> to resolve.
/// </summary>
public static class DicomJsonReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Reads one data set object.</summary>
    public static DicomDataset Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, out _);

    public static DicomDataset Read(ReadOnlySpan<byte> utf8Json, out IReadOnlyList<DicomJsonBulkDataUri> bulkData)
    {
        var session = new Session();
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var root = new DicomDataset();
        try
        {
            Next(ref reader);
            session.ReadDataset(ref reader, root);
            session.Text.EncodeAll(root);
        }
        catch (JsonException ex)
        {
            throw new DicomJsonException("Not valid JSON: " + ex.Message, ex);
        }

        bulkData = session.BulkData;
        return root;
    }

    public static DicomDataset Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a stream to its end (a JSON document is read whole) and parses one data set.</summary>
    public static DicomDataset Read(Stream utf8Json)
    {
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads the DICOMweb metadata form: an array of data set objects.</summary>
    public static List<DicomDataset> ReadArray(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var result = new List<DicomDataset>();
        try
        {
            Next(ref reader);
            Expect(ref reader, JsonTokenType.StartArray, "a JSON array of data sets");
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                var session = new Session();
                var root = new DicomDataset();
                session.ReadDataset(ref reader, root);
                session.Text.EncodeAll(root);
                result.Add(root);
            }
        }
        catch (JsonException ex)
        {
            throw new DicomJsonException("Not valid JSON: " + ex.Message, ex);
        }

        return result;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new DicomJsonException("Unexpected end of JSON.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new DicomJsonException($"Expected {what} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
        }
    }

    private sealed class Session
    {
        public DicomTextValues Text { get; } = new();

        public List<DicomJsonBulkDataUri> BulkData { get; } = [];

        public void ReadDataset(ref Utf8JsonReader reader, DicomDataset target)
        {
            Expect(ref reader, JsonTokenType.StartObject, "a data set object");
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                if (key.Length != 8 || !uint.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tagValue))
                {
                    throw new DicomJsonException($"'{key}' is not a tag (eight hex digits).");
                }

                Next(ref reader);
                ReadAttribute(ref reader, target, new DicomTag(tagValue));
            }

            Expect(ref reader, JsonTokenType.EndObject, "the end of a data set object");
        }

        private void ReadAttribute(ref Utf8JsonReader reader, DicomDataset target, DicomTag tag)
        {
            Expect(ref reader, JsonTokenType.StartObject, $"an attribute object for {tag}");
            DicomVR? vr = null;
            Utf8JsonReader valueAt = default;
            var hasValue = false;
            string? inline = null, uri = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("vr"u8))
                {
                    Next(ref reader);
                    var code = reader.GetString();
                    vr = code is { Length: 2 } && DicomVR.TryParse((byte)code[0], (byte)code[1], out var v) ? v : throw new DicomJsonException($"{tag}: '{code}' is not a VR.");
                }
                else if (reader.ValueTextEquals("Value"u8))
                {
                    Next(ref reader);
                    hasValue = true;
                    valueAt = reader; // a copy positioned on the array; read once the VR is known ("vr" may come later)
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("InlineBinary"u8))
                {
                    Next(ref reader);
                    inline = reader.GetString();
                }
                else if (reader.ValueTextEquals("BulkDataURI"u8))
                {
                    Next(ref reader);
                    uri = reader.GetString();
                }
                else
                {
                    Next(ref reader);
                    reader.Skip();
                }
            }

            if (vr is null)
            {
                throw new DicomJsonException($"{tag} has no \"vr\".");
            }

            if (vr == DicomVR.SQ)
            {
                var seq = new DicomSequence(tag);
                if (hasValue)
                {
                    ReadItems(ref valueAt, seq);
                }

                target.AddOrUpdate(seq);
            }
            else if (inline is not null)
            {
                AddBinary(target, tag, vr, Convert.FromBase64String(inline));
            }
            else if (uri is not null)
            {
                var reference = DicomFileBulkDataUri.TryParse(uri, out var r) ? r : null;
                target.AddOrUpdate(reference is not null ? new DicomElement(tag, vr, reference) : new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
                BulkData.Add(new DicomJsonBulkDataUri(target, tag, vr, uri));
            }
            else if (hasValue)
            {
                ReadValues(ref valueAt, target, tag, vr);
            }
            else
            {
                target.AddOrUpdate(new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
            }
        }

        private void ReadItems(ref Utf8JsonReader reader, DicomSequence seq)
        {
            Expect(ref reader, JsonTokenType.StartArray, $"the items of {seq.Tag}");
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                var item = new DicomItem();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    ReadDataset(ref reader, item);
                }

                seq.Items.Add(item);
            }
        }

        private void ReadValues(ref Utf8JsonReader reader, DicomDataset target, DicomTag tag, DicomVR vr)
        {
            Expect(ref reader, JsonTokenType.StartArray, $"the Value array of {tag}");
            if (vr.Kind == DicomVRKind.Binary && !DicomJsonValues.IsBinary(vr))
            {
                target.AddOrUpdate(new DicomElement(tag, vr, ReadNumbers(ref reader, tag, vr)));
                return;
            }

            var sb = new StringBuilder();
            var first = true;
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (!first)
                {
                    sb.Append('\\');
                }

                first = false;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Null:
                        break;
                    case JsonTokenType.String:
                        sb.Append(reader.GetString());
                        break;
                    case JsonTokenType.Number when vr.Kind == DicomVRKind.NumericString:
                        var raw = Encoding.ASCII.GetString(reader.ValueSpan);
                        sb.Append(raw.Length <= vr.MaxLength ? raw : DicomNumericString.FormatDecimal(reader.GetDouble()));
                        break;
                    case JsonTokenType.StartObject when vr == DicomVR.PN:
                        sb.Append(ReadPersonName(ref reader, tag));
                        break;
                    default:
                        throw new DicomJsonException($"{tag} {vr}: unexpected {reader.TokenType} in Value.");
                }
            }

            Text.Add(target, tag, vr, sb.ToString());
        }

        private static string ReadPersonName(ref Utf8JsonReader reader, DicomTag tag)
        {
            var groups = new string[3];
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var index = reader.ValueTextEquals("Alphabetic"u8) ? 0 : reader.ValueTextEquals("Ideographic"u8) ? 1 : reader.ValueTextEquals("Phonetic"u8) ? 2 : -1;
                Next(ref reader);
                if (index < 0)
                {
                    reader.Skip();
                    continue;
                }

                groups[index] = reader.TokenType == JsonTokenType.Null ? "" : reader.GetString() ?? "";
            }

            var last = groups[2] is { Length: > 0 } ? 2 : groups[1] is { Length: > 0 } ? 1 : 0;
            return last == 0 ? groups[0] ?? "" : string.Join('=', groups.Take(last + 1).Select(g => g ?? ""));
        }

        private static byte[] ReadNumbers(ref Utf8JsonReader reader, DicomTag tag, DicomVR vr)
        {
            var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
            var bytes = new List<byte>();
            Span<byte> b = stackalloc byte[8];
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                var s = b[..unit];
                try
                {
                    switch (vr.Code)
                    {
                        case "US": BinaryPrimitives.WriteUInt16LittleEndian(s, reader.GetUInt16()); break;
                        case "SS": BinaryPrimitives.WriteInt16LittleEndian(s, reader.GetInt16()); break;
                        case "UL": BinaryPrimitives.WriteUInt32LittleEndian(s, reader.GetUInt32()); break;
                        case "SL": BinaryPrimitives.WriteInt32LittleEndian(s, reader.GetInt32()); break;
                        case "UV": BinaryPrimitives.WriteUInt64LittleEndian(s, reader.GetUInt64()); break;
                        case "SV": BinaryPrimitives.WriteInt64LittleEndian(s, reader.GetInt64()); break;
                        case "FL": BinaryPrimitives.WriteSingleLittleEndian(s, (float)Real(ref reader)); break;
                        case "FD": BinaryPrimitives.WriteDoubleLittleEndian(s, Real(ref reader)); break;
                        case "AT":
                            var text = reader.GetString();
                            if (text is not { Length: 8 } || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var at))
                            {
                                throw new DicomJsonException($"{tag} AT: '{text}' is not ggggeeee.");
                            }

                            DicomJsonValues.WriteAttributeTag(s, at);
                            break;
                    }
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    throw new DicomJsonException($"{tag} {vr}: value at byte {reader.TokenStartIndex} is not a {vr} number.", ex);
                }

                foreach (var x in s)
                {
                    bytes.Add(x);
                }
            }

            return [.. bytes];
        }

        // The writer's NaN and infinities arrive as strings.
        private static double Real(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
            ? reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => double.Parse(other!, NumberStyles.Float, CultureInfo.InvariantCulture),
            }
            : reader.GetDouble();

        private static void AddBinary(DicomDataset target, DicomTag tag, DicomVR vr, byte[] bytes)
        {
            // Encapsulated pixel data arrives as its items (PS3.18 F.2.7): recognised by the first Item tag.
            if (tag == DicomTags.PixelData && bytes.Length >= 8 && bytes[0] == 0xFE && bytes[1] == 0xFF && bytes[2] == 0x00 && bytes[3] == 0xE0)
            {
                target.AddOrUpdate(DicomEncapsulatedValue.Decode(tag, vr, bytes));
                return;
            }

            target.AddOrUpdate(new DicomElement(tag, vr, bytes));
        }
    }
}
