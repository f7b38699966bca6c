using System.Security.Cryptography;
using System.Xml.Linq;
using Teleread.Dicom.Json.Xml;
using Teleread.Testing;

namespace Teleread.Dicom.Json.Tests;

/// <summary>
/// PROOF for the Native DICOM Model (PS3.19 Annex A): our XML for every sample compared with DCMTK's
/// <c>dcm2xml --native-format +Xn +Eb +U8</c> (Debian 3.6.7, one shell loop for the corpus). Both documents are reduced
/// to one line per value (attribute path, tag, VR, keyword, private creator, Value / PersonName component / Item /
/// digest of InlineBinary), so only the documented formatting differences (docs/dicom-json.md, "XML compared with
/// dcm2xml") are normalised.
/// </summary>
public sealed class DcmtkXmlComparisonTests
{
    private const string Separator = "\n=== ";
    private static readonly Lazy<Task<Dictionary<string, (string? Xml, string Error)>>> Dcmtk = new(RunDcm2XmlAsync);

    public static TheoryData<string> Files => new(RepoPaths.AllSampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Xml_matches_dcm2xml_native_format(string file)
    {
        var all = await Dcmtk.Value;
        var (xml, error) = all[RepoPaths.Sample(file)];
        if (xml is null)
        {
            Assert.True(KnownFailures.Any(error.Contains), $"dcm2xml could not convert {file}: {error}");
            return;
        }

        var dataset = DicomFile.Open(RepoPaths.Sample(file)).Dataset;
        var encapsulated = dataset.GetFragments(DicomTags.PixelData) is not null;
        var theirDocument = XDocument.Parse(xml);
        AdoptPrivateVRs(dataset, theirDocument.Root!);
        var ours = Lines(XDocument.Parse(DicomXmlWriter.Serialize(dataset, new DicomJsonWriterOptions { InlineBinaryThreshold = long.MaxValue })), encapsulated, dcmtk: false);
        var theirs = Lines(theirDocument, encapsulated, dcmtk: true);

        var missing = theirs.Except(ours).ToList();
        var extra = ours.Except(theirs).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{file}:\n only dcm2xml:\n  {string.Join("\n  ", missing.Take(15))}\n only ours:\n  {string.Join("\n  ", extra.Take(15))}");
        Assert.True(ours.Count > 5, $"{file}: only {ours.Count} lines compared");
    }

    /// <summary>
    /// What DCMTK 3.6.7 cannot convert: ISO 2022 IR 87 text (Debian's DCMTK converts through iconv, which cannot decode
    /// it; dcm2xml stops) and DICOMDIR files ("Cannot convert Directory Record to Native DICOM Model").
    /// </summary>
    private static readonly string[] KnownFailures = ["ISO 2022 IR 87", "Cannot convert Directory Record to Native DICOM Model"];

    /// <summary>One line per value; the normalisations are listed in docs/dicom-json.md.</summary>
    internal static List<string> Lines(XDocument document, bool encapsulated, bool dcmtk)
    {
        var root = document.Root!;
        Assert.Equal(DicomXmlWriter.Namespace, root.Name.NamespaceName);
        Assert.Equal("NativeDicomModel", root.Name.LocalName);
        var lines = new List<string>();
        Collect(root, "", lines, encapsulated, dcmtk);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void Collect(XElement container, string path, List<string> lines, bool encapsulated, bool dcmtk)
    {
        foreach (var attribute in container.Elements().Where(e => e.Name.LocalName == "DicomAttribute"))
        {
            var tagText = attribute.Attribute("tag")!.Value;
            var tag = DicomTag.Parse(tagText);
            var vr = attribute.Attribute("vr")!.Value;
            var creator = attribute.Attribute("privateCreator")?.Value ?? "";
            if (Excluded(path, tag, encapsulated) && creator.Length == 0)
            {
                continue;
            }

            // (1) "US or SS" / "US or OW": DCMTK names the VR of an ambiguous attribute inside an item from the item alone
            // (US); we resolve it from the enclosing Pixel Representation (as pydicom). Compared as "US|SS".
            if (vr is "US" or "SS" && DicomDictionary.Find(tag) is { ValueRepresentations.Count: > 1 } entry && entry.ValueRepresentations.Contains(DicomVR.SS))
            {
                vr = "US|SS";
            }

            // (2) keyword: only public attributes are compared (DCMTK also names private ones from its private dictionary).
            // (2b) retired attributes: DCMTK writes no keyword; we write the PS3.6 keyword (as pydicom names it).
            var keyword = tag.IsPrivate || DicomDictionary.Find(tag) is null or { IsRetired: true } ? "" : attribute.Attribute("keyword")?.Value ?? "";
            if (tag.IsPrivate && tag.Element >= 0x1000)
            {
                // (2c) a private data element: DCMTK writes its tag as gggg00ee (without the block number, which depends on
                // where the creator was reserved); we write the tag as stored. Both name the private creator.
                tagText = $"{tag.Group:X4}00{tag.Element & 0xFF:X2}";
            }

            var head = $"{path}{tagText} {vr} {keyword} {creator}".TrimEnd();
            lines.Add(head);
            foreach (var child in attribute.Elements())
            {
                var number = child.Attribute("number")?.Value ?? "";
                switch (child.Name.LocalName)
                {
                    case "Value":
                        // (3) empty values are left out; padding spaces of the value trimmed.
                        var text = child.Value.Trim(' ', '\0');
                        if (text.Length > 0)
                        {
                            lines.Add($"{head} [{number}] {Number(vr, text)}");
                        }

                        break;
                    case "PersonName":
                        foreach (var group in child.Elements())
                        {
                            foreach (var component in group.Elements().Where(c => c.Value.Trim().Length > 0))
                            {
                                lines.Add($"{head} [{number}] {group.Name.LocalName}.{component.Name.LocalName}={component.Value.Trim()}");
                            }
                        }

                        break;
                    case "Item":
                        lines.Add($"{head} item {number}");
                        Collect(child, $"{path}{tagText}[{number}]/", lines, encapsulated, dcmtk);
                        break;
                    case "InlineBinary":
                        // (4) binary values compared by digest of the decoded bytes.
                        var bytes = Convert.FromBase64String(child.Value.Trim());
                        if (dcmtk && vr == "OW")
                        {
                            // (4b) dcm2xml 3.6.7 encodes OW values as big-endian words; PS3.19 and we use little endian.
                            for (var i = 0; i + 1 < bytes.Length; i += 2)
                            {
                                (bytes[i], bytes[i + 1]) = (bytes[i + 1], bytes[i]);
                            }
                        }

                        lines.Add($"{head} binary {Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}:{bytes.Length}");
                        break;
                    case "BulkData":
                        lines.Add($"{head} bulk");
                        break;
                    default:
                        lines.Add($"{head} <{child.Name.LocalName}>");
                        break;
                }
            }
        }
    }

    /// <summary>
    /// (10) private elements of implicit VR files that DCMTK's built-in private dictionary knows and ours (its private.dic)
    /// does not: our UN element is re-read with DCMTK's VR, as for dcm2json (OurJson.AdoptPrivateVRs).
    /// </summary>
    private static void AdoptPrivateVRs(DicomDataset ours, XElement theirs)
    {
        foreach (var their in theirs.Elements().Where(e => e.Name.LocalName == "DicomAttribute"))
        {
            var vr = their.Attribute("vr")!.Value;
            var tag = DicomTag.Parse(their.Attribute("tag")!.Value);
            var creator = their.Attribute("privateCreator")?.Value;
            var attribute = creator is null ? ours.Get(tag) : ours.FirstOrDefault(a => a.Tag.Group == tag.Group && (a.Tag.Element & 0xFF) == tag.Element
                && a.Tag.IsPrivate && !a.Tag.IsPrivateCreator && ours.GetStringOrDefault(a.Tag.PrivateCreatorTag) == creator);
            if (attribute is DicomElement { VR.Code: "UN" } e && e.Tag.IsPrivate && vr is not "UN" and not "SQ")
            {
                ours.AddOrUpdate(new DicomElement(e.Tag, DicomVR.Parse(vr), e.LoadValue()));
            }
            else if (attribute is DicomSequence s)
            {
                foreach (var item in their.Elements().Where(i => i.Name.LocalName == "Item"))
                {
                    var n = int.Parse(item.Attribute("number")!.Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
                    if (n < s.Items.Count)
                    {
                        AdoptPrivateVRs(s.Items[n], item);
                    }
                }
            }
        }
    }

    /// <summary>(5) DS/IS/FL/FD text: "1.0" and "1", "-0" and "0", "1e3" and "1000" compare as the same number.</summary>
    private static string Number(string vr, string text) =>
        vr is "DS" or "IS" or "FL" or "FD" && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d == 0 ? "0" : (vr == "FL" ? ((float)d).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
            : text;

    /// <summary>Documented exclusions (docs/dicom-json.md).</summary>
    private static bool Excluded(string path, DicomTag tag, bool encapsulated) =>
        // (6) +U8 converts every string to UTF-8 and rewrites Specific Character Set to ISO_IR 192 (the strings are compared).
        tag == DicomTags.SpecificCharacterSet
        // (7) encapsulated Pixel Data: dcm2xml 3.6.7 writes an empty InlineBinary ("larger than remaining bytes" error).
        || (path.Length == 0 && tag == DicomTags.PixelData && encapsulated)
        // (8) group lengths (gggg,0000), retired in data sets: written by us as the data set holds them, not by DCMTK.
        || tag.Element == 0;

    private static async Task<Dictionary<string, (string? Xml, string Error)>> RunDcm2XmlAsync()
    {
        var dcm2xml = RequiredTool.Find("dcm2xml", "dcmtk");
        var files = RepoPaths.AllSampleFiles().Select(RepoPaths.Sample).ToList();
        const string loop = "e=$(mktemp); for f in \"$@\"; do printf '\\n=== %s\\n' \"$f\"; \"$0\" --native-format +Xn +Eb +U8 \"$f\" 2>\"$e\" || printf '\\n!!! failed\\n'; printf '\\n--- stderr\\n'; cat \"$e\"; done; rm -f \"$e\"";
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", loop, dcm2xml, .. files], TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, "dcm2xml loop failed: " + result.StandardError);
        var outputs = new Dictionary<string, (string? Xml, string Error)>(StringComparer.Ordinal);
        foreach (var block in result.StandardOutput.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            var body = block[(newline + 1)..];
            var stderr = body.LastIndexOf("\n--- stderr\n", StringComparison.Ordinal);
            var xml = body[..stderr];
            outputs[block[..newline]] = (xml.Contains("\n!!! failed\n", StringComparison.Ordinal) ? null : xml, body[(stderr + 12)..]);
        }

        return outputs;
    }
}
