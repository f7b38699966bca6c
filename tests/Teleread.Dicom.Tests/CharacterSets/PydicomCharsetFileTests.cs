using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>
/// pydicom's character set files (testdata/charsets, MIT): our decoding of Patient's Name must equal pydicom's decoding
/// of the same bytes, obtained from /usr/bin/python3 at test time. The files are read with our Part 10 reader.
/// </summary>
public class PydicomCharsetFileTests
{
    // For every file named in argv: Patient's Name decoded value by value (pydicom splits at '\' before decoding),
    // joined with '\'; one JSON object for all files so that Python starts once.
    private const string PydicomScript = """
        import json, sys
        import pydicom
        from pydicom.charset import convert_encodings, decode_bytes
        result = {}
        for path in sys.argv[1:]:
            ds = pydicom.dcmread(path)
            raw = ds.get_item(0x00100010).value
            encodings = convert_encodings(ds.SpecificCharacterSet)
            parts = raw.rstrip(b' \x00').split(b'\\')
            result[path] = '\\'.join(decode_bytes(p, encodings, {0x5e, 0x3d}) for p in parts)
        json.dump(result, sys.stdout)
        """;

    private static readonly Lazy<Dictionary<string, string>> Pydicom = new(() =>
    {
        var files = Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "testdata", "charsets"), "chr*.dcm")
            .Where(f => !Path.GetFileName(f).StartsWith("chrSQ", StringComparison.Ordinal)).ToArray();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(Python.Run(PydicomScript, files))!;
    });

    [Theory]
    [InlineData("chrArab.dcm", "قباني^لنزار", true)]
    [InlineData("chrFren.dcm", "Buc^Jérôme", true)]
    [InlineData("chrFrenMulti.dcm", null, true)]
    [InlineData("chrGerm.dcm", "Äneas^Rüdiger", true)]
    [InlineData("chrGreek.dcm", "Διονυσιος", true)]
    [InlineData("chrH31.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう", true)]
    [InlineData("chrH32.dcm", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", true)]
    [InlineData("chrHbrw.dcm", "שרון^דבורה", true)]
    [InlineData("chrI2.dcm", "Hong^Gildong=洪^吉洞=홍^길동", true)]
    [InlineData("chrJapMulti.dcm", null, true)]
    [InlineData("chrJapMultiExplicitIR6.dcm", null, true)]
    [InlineData("chrKoreanMulti.dcm", null, false)]
    [InlineData("chrRuss.dcm", "Люкceмбypг", true)]
    [InlineData("chrX1.dcm", "Wang^XiaoDong=王^小東=", true)]
    [InlineData("chrX2.dcm", "Wang^XiaoDong=王^小东=", true)]
    public void Patient_name_decodes_as_pydicom_decodes_it(string file, string? expected, bool minimalEscapes)
    {
        var path = Python.CharsetTestData(file);
        var dataset = DicomFile.Open(path).Dataset;
        var element = dataset.GetElement(DicomTags.PatientName)!;
        var cs = dataset.CharacterSet;

        var decoded = element.GetString(cs);
        var pydicom = Pydicom.Value[path];

        Assert.Empty(cs.Warnings);
        Assert.Equal(pydicom, decoded);
        if (expected is not null)
        {
            Assert.Equal(expected, decoded);
        }

        // Re-encoding gives the file's bytes back (less the padding), unless its writer added a redundant escape sequence
        // (chrKoreanMulti ends with ESC ( B although G0 never left ISO-IR 6).
        var encoded = cs.Encode(decoded, DicomTextKind.PersonName);
        Assert.Equal(decoded, cs.Decode(encoded, DicomTextKind.PersonName));
        if (minimalEscapes)
        {
            Assert.Equal(Trimmed(element.LoadValue().ToArray()), encoded);
        }
    }

    [Theory]
    [InlineData("chrSQEncoding.dcm")]
    [InlineData("chrSQEncoding1.dcm")]
    public void Sequence_item_uses_its_own_or_the_inherited_character_set(string file)
    {
        // chrSQEncoding: UTF-8 data set, item declares ISO 2022 IR 13\ISO 2022 IR 87; chrSQEncoding1: item inherits it.
        var dataset = DicomFile.Open(Python.CharsetTestData(file)).Dataset;
        var item = dataset.GetSequence(DicomTags.RequestedProcedureCodeSequence)!.Items.Single();

        Assert.Equal("Doctor^Who^^MD", dataset.GetElement(DicomTags.RequestingPhysician)!.GetString(dataset.CharacterSet));
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.GetElement(DicomTags.PatientName)!.GetString(item.CharacterSet));
    }

    private static byte[] Trimmed(byte[] value)
    {
        var length = value.Length;
        while (length > 0 && value[length - 1] is 0x20 or 0x00)
        {
            length--;
        }

        return value[..length];
    }
}
