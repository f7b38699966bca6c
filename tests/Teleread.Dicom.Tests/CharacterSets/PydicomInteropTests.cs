using System.Text;
using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>What our encoder writes, pydicom (via /usr/bin/python3) reads back as the same person name.</summary>
public class PydicomInteropTests
{
    private const string Script = """
        import json, sys
        from pydicom.charset import convert_encodings, decode_bytes
        cases = json.load(open(sys.argv[1], encoding='utf-8'))
        out = [decode_bytes(bytes.fromhex(c['hex']), convert_encodings(c['terms']), {0x5e, 0x3d}) for c in cases]
        sys.stdout.buffer.write(json.dumps(out).encode('utf-8'))
        """;

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ^=";

    [Theory]
    [InlineData(new[] { "", "ISO 2022 IR 87" }, "ISO 2022 IR 87")]
    [InlineData(new[] { "", "ISO 2022 IR 87", "ISO 2022 IR 159" }, "ISO 2022 IR 87", "ISO 2022 IR 159")]
    [InlineData(new[] { "ISO 2022 IR 13", "ISO 2022 IR 87" }, "ISO_IR 13", "ISO 2022 IR 87")]
    [InlineData(new[] { "", "ISO 2022 IR 149" }, "ISO 2022 IR 149")]
    [InlineData(new[] { "ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126" }, "ISO_IR 100", "ISO_IR 144", "ISO_IR 126")]
    // Not ISO 2022 IR 58: pydicom 2.3.1 leaves ESC $ ) A in its output, even for the bytes of PS3.5 Example K.2-1.
    public void Person_names_we_encode_decode_identically_in_pydicom(string[] terms, params string[] repertoires)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(terms, DicomCharacterSetErrorMode.Strict);
        var chars = Letters + new string(string.Concat(repertoires.Select(Repertoire.Of)).Where(c => !Repertoire.PythonDeviations.Contains(c)).ToArray());
        var random = new Random(20261124);
        var names = Enumerable.Range(0, 300)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 16)).Select(_ => chars[random.Next(chars.Length)]).ToArray()))
            .ToArray();
        var cases = names.Select(n => new { terms, hex = Convert.ToHexString(cs.Encode(n, DicomTextKind.PersonName)) }).ToArray();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(cases), new UTF8Encoding(false));
            var decoded = JsonSerializer.Deserialize<string[]>(Python.Run(Script, file))!;

            Assert.Equal(names, decoded);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
