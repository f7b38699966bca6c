using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Json.Xml;

/// <summary>
/// Writes data sets as the Native DICOM Model (PS3.19 Annex A) with an <see cref="XmlWriter"/>, streaming:
/// DicomAttribute (tag, vr, keyword, privateCreator), Value number=, PersonName with Alphabetic/Ideographic/Phonetic
/// and FamilyName/GivenName/MiddleName/NamePrefix/NameSuffix, Item number=, InlineBinary, BulkData uri=.
/// Binary values follow the same <see cref="DicomJsonWriterOptions"/> as the JSON writer.
/// </summary>
public static class DicomXmlWriter
{
    public const string Namespace = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    private static readonly string[] Components = ["FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"];
    private static readonly string[] Groups = ["Alphabetic", "Ideographic", "Phonetic"];

    public static void Write(Stream output, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        var settings = new XmlWriterSettings
        {
            Encoding = new System.Text.UTF8Encoding(false),
            Indent = options.Indented,
            // Values may hold control characters XML 1.0 cannot carry; they are written as character references.
            CheckCharacters = false,
        };
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("NativeDicomModel", Namespace);
        w.WriteAttributeString("xml", "space", null, "preserve");
        new Session(w, options).WriteAttributes(dataset);
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    public static string Serialize(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, dataset, options);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class Session(XmlWriter w, DicomJsonWriterOptions options)
    {
        private readonly List<(uint Tag, int Item)> _path = [];

        public void WriteAttributes(DicomDataset dataset)
        {
            var cs = dataset.CharacterSet;
            foreach (var attribute in dataset)
            {
                var a = attribute is DicomElement e ? DicomImplicitVR.Resolve(e, dataset, options.PrivateVRFromDictionary) : attribute;
                w.WriteStartElement("DicomAttribute", Namespace);
                w.WriteAttributeString("tag", DicomJsonValues.TagKey(a.Tag.Value));
                w.WriteAttributeString("vr", a.VR.Code);
                if (!a.Tag.IsPrivate && DicomDictionary.Find(a.Tag) is { Keyword: { Length: > 0 } keyword })
                {
                    w.WriteAttributeString("keyword", keyword);
                }

                if (a.Tag.IsPrivate && !a.Tag.IsPrivateCreator && dataset.GetStringOrDefault(a.Tag.PrivateCreatorTag) is { Length: > 0 } creator)
                {
                    w.WriteAttributeString("privateCreator", creator);
                }

                switch (a)
                {
                    case DicomSequence s:
                        for (var i = 0; i < s.Items.Count; i++)
                        {
                            w.WriteStartElement("Item", Namespace);
                            w.WriteAttributeString("number", (i + 1).ToString(CultureInfo.InvariantCulture));
                            _path.Add((s.Tag.Value, i));
                            WriteAttributes(s.Items[i]);
                            _path.RemoveAt(_path.Count - 1);
                            w.WriteEndElement();
                        }

                        break;
                    case DicomFragmentSequence f:
                        WriteBinary(f);
                        break;
                    case DicomElement el when DicomJsonValues.IsBinary(el.VR):
                        WriteBinary(el);
                        break;
                    case DicomElement el when el.VR.Kind == DicomVRKind.Binary:
                        WriteNumbers(el);
                        break;
                    case DicomElement el:
                        WriteStrings(el, cs);
                        break;
                }

                w.WriteEndElement();
            }
        }

        private void WriteStrings(DicomElement e, DicomCharacterSet cs)
        {
            var values = e.GetStrings(cs);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].Length == 0)
                {
                    continue; // an empty value is left out; the numbers of the others keep its place
                }

                if (e.VR == DicomVR.PN)
                {
                    WritePersonName(values[i], i + 1);
                }
                else
                {
                    WriteValue(values[i], i + 1);
                }
            }
        }

        private void WriteValue(string text, int number)
        {
            w.WriteStartElement("Value", Namespace);
            w.WriteAttributeString("number", number.ToString(CultureInfo.InvariantCulture));
            w.WriteString(text);
            w.WriteEndElement();
        }

        private void WritePersonName(string value, int number)
        {
            w.WriteStartElement("PersonName", Namespace);
            w.WriteAttributeString("number", number.ToString(CultureInfo.InvariantCulture));
            var groups = value.Split('=');
            for (var g = 0; g < groups.Length && g < Groups.Length; g++)
            {
                if (groups[g].Length == 0)
                {
                    continue;
                }

                w.WriteStartElement(Groups[g], Namespace);
                var components = groups[g].Split('^');
                for (var c = 0; c < components.Length && c < Components.Length; c++)
                {
                    w.WriteStartElement(Components[c], Namespace);
                    w.WriteString(components[c]);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private void WriteNumbers(DicomElement e)
        {
            var vr = e.VR;
            var bytes = e.LoadValue().Span;
            var unit = vr == DicomVR.AT ? 4 : vr.UnitSize;
            var number = 1;
            for (var i = 0; i + unit <= bytes.Length; i += unit)
            {
                var b = bytes.Slice(i, unit);
                var text = vr.Code switch
                {
                    "US" => BinaryPrimitives.ReadUInt16LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "SS" => BinaryPrimitives.ReadInt16LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "UL" => BinaryPrimitives.ReadUInt32LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "SL" => BinaryPrimitives.ReadInt32LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "UV" => BinaryPrimitives.ReadUInt64LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "SV" => BinaryPrimitives.ReadInt64LittleEndian(b).ToString(CultureInfo.InvariantCulture),
                    "FL" => BinaryPrimitives.ReadSingleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture),
                    "FD" => BinaryPrimitives.ReadDoubleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture),
                    _ => DicomJsonValues.TagKey(DicomJsonValues.ReadAttributeTag(b)),
                };
                WriteValue(text, number++);
            }
        }

        private void WriteBinary(DicomAttribute attribute)
        {
            var length = DicomJsonValues.BinaryLength(attribute);
            if (length == 0)
            {
                return;
            }

            if (options.BulkDataUri is { } uriFor && length > options.InlineBinaryThreshold
                && uriFor(new DicomJsonBulkData(DicomJsonValues.Path(_path, attribute.Tag.Value), attribute, length)) is { } uri)
            {
                w.WriteStartElement("BulkData", Namespace);
                w.WriteAttributeString("uri", uri);
                w.WriteEndElement();
                return;
            }

            var bytes = DicomJsonValues.BinaryValue(attribute);
            w.WriteStartElement("InlineBinary", Namespace);
            var array = MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
            w.WriteBase64(array.Array!, array.Offset, array.Count);
            w.WriteEndElement();
        }
    }
}
