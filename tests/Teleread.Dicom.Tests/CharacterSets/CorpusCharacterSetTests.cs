using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>
/// Every public text value affected by Specific Character Set in the sample corpus (testdata/samples) decodes as pydicom
/// decodes it, sequence items included (with their own or the inherited character set).
/// </summary>
public class CorpusCharacterSetTests
{
    // Per file: the charset-affected public text values, depth first, as "gggg,eeee=value".
    private const string Script = """
        import json, sys
        import pydicom
        from pydicom.charset import convert_encodings, decode_bytes
        TEXT = {'SH', 'LO', 'ST', 'LT', 'UT', 'PN', 'UC'}
        SINGLE = {'ST', 'LT', 'UT'}
        def walk(ds, encodings, out):
            if 'SpecificCharacterSet' in ds:
                encodings = convert_encodings(ds.SpecificCharacterSet)
            for tag in sorted(ds.keys()):
                if tag.group % 2 == 1 or tag.group == 0x0002 or tag.group == 0x7FE0:
                    continue
                raw = ds.get_item(tag)
                vr = raw.VR if raw.VR else ds[tag].VR
                if vr == 'SQ':
                    for item in ds[tag].value:
                        walk(item, encodings, out)
                    continue
                if vr not in TEXT:
                    continue
                value = raw.value
                if value is None:
                    value = b''
                if not isinstance(value, bytes):
                    # Already converted by pydicom (it reads some elements eagerly).
                    text = '\\'.join(str(v) for v in value) if isinstance(value, pydicom.multival.MultiValue) else str(value)
                elif vr in SINGLE:
                    text = decode_bytes(value, encodings, {0x0d, 0x0a, 0x09, 0x0c})
                else:
                    delims = {0x5e, 0x3d} if vr == 'PN' else set()
                    text = '\\'.join(decode_bytes(p, encodings, delims) for p in value.split(b'\\'))
                out.append('%04X,%04X=%s' % (tag.group, tag.element, text.rstrip(' \x00')))
        result = {}
        for path in sys.argv[1:]:
            ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
            out = []
            walk(ds, ['iso8859'], out)
            result[path] = out
        json.dump(result, sys.stdout)
        """;

    private static readonly Lazy<Dictionary<string, string[]>> Pydicom = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(
            Python.Run(Script, TestFiles.Corpus().Select(TestFiles.Sample).ToArray()))!);

    public static TheoryData<string> Corpus() => TestFiles.CorpusData();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Text_values_decode_as_pydicom_decodes_them(string file)
    {
        var path = TestFiles.Sample(file);
        var ours = new List<string>();
        Walk(DicomFile.Open(path).Dataset, ours);

        Assert.Equal(Pydicom.Value[path], ours);
    }

    private static void Walk(DicomDataset dataset, List<string> output)
    {
        foreach (var attribute in dataset)
        {
            var tag = attribute.Tag;
            if (tag.Group % 2 == 1 || tag.Group is 0x0002 or 0x7FE0)
            {
                continue;
            }

            if (attribute is DicomSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    Walk(item, output);
                }
            }
            else if (attribute is DicomElement element && element.VR.IsAffectedBySpecificCharacterSet)
            {
                var text = dataset.CharacterSet.Decode(element.LoadValue().Span, element.VR.TextKind).TrimEnd(' ', '\0');
                output.Add($"{tag.Group:X4},{tag.Element:X4}={text}");
            }
        }
    }
}
