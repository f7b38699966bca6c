using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>
/// pydicom's character set files (testdata/charsets, MIT): our decoding of Patient's Name must equal pydicom's decoding
/// of the same bytes, obtained from /usr/bin/python3 at test time.
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
        var files = Directory.GetFiles(RepositoryPaths.TestData("charsets"), "chr*.dcm")
            .Where(f => !Path.GetFileName(f).StartsWith("chrSQ", StringComparison.Ordinal)).ToArray();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(ExternalTool.RunPython(PydicomScript, files))!;
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
        var path = RepositoryPaths.TestData("charsets", file);
        var bytes = File.ReadAllBytes(path);
        var terms = Encoding.ASCII.GetString(ExplicitLittleEndianValue(bytes, 0x0008, 0x0005, "CS")).TrimEnd(' ', '\0').Split('\\');
        var name = ExplicitLittleEndianValue(bytes, 0x0010, 0x0010, "PN");
        var cs = DicomCharacterSet.FromSpecificCharacterSet(terms, DicomCharacterSetErrorMode.Strict);

        var decoded = cs.Decode(name, DicomTextKind.PersonName).TrimEnd(' ', '\0');
        var pydicom = Pydicom.Value[path];

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
            Assert.Equal(Trimmed(name), encoded);
        }
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

    // Finds a short-form explicit VR little endian element in the data set (these files have no sequences before it).
    private static byte[] ExplicitLittleEndianValue(byte[] file, ushort group, ushort element, string vr)
    {
        Span<byte> header = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        var at = file.AsSpan(132).IndexOf(header);
        Assert.True(at >= 0, $"({group:X4},{element:X4}) not found");
        var start = 132 + at + 8;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(132 + at + 6));
        return file.AsSpan(start, length).ToArray();
    }
}
