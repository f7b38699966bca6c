using System.Text.Json;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>
/// Our generated two-byte tables (from glibc) against Python's ISO 2022 / EUC codecs, which pydicom uses: every one
/// of the 94 x 94 positions of each set must decode identically, except for the deviations listed here on purpose.
/// </summary>
public class TableCrossCheckTests
{
    private const string Script = """
        import json, sys
        def table(codec, prefix, suffix, gr):
            out = []
            for r in range(0x21, 0x7F):
                for c in range(0x21, 0x7F):
                    pair = bytes([r | 0x80, c | 0x80]) if gr else bytes([r, c])
                    try:
                        s = (prefix + pair + suffix).decode(codec)
                    except Exception:
                        s = '\ufffd'
                    out.append(s if len(s) == 1 else '\ufffd')
            return ''.join(out)
        json.dump({
            '87': table('iso2022_jp', b'\x1b$B', b'\x1b(B', False),
            '159': table('iso2022_jp_2', b'\x1b$(D', b'\x1b(B', False),
            '149': table('euc_kr', b'', b'', True),
            '58': table('gb2312', b'', b'', True),
        }, sys.stdout)
        """;

    private static readonly Lazy<Dictionary<string, string>> PythonTables = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Python.Run(Script))!);

    [Theory]
    // JIS X 0212 0x2237: Python reads TILDE U+007E, which would be indistinguishable from ASCII; glibc FULLWIDTH TILDE.
    [InlineData("159", "ISO 2022 IR 159", new byte[] { 0x1B, 0x24, 0x28, 0x44 }, false, "2237:U+FF5E/U+007E")]
    [InlineData("87", "ISO 2022 IR 87", new byte[] { 0x1B, 0x24, 0x42 }, false, "")]
    // KS X 1001:1998/2002 additions (CIRCLED HANGUL IEUNG U, HANGUL FILLER) that Python's euc_kr lacks.
    [InlineData("149", "ISO 2022 IR 149", new byte[] { 0x1B, 0x24, 0x29, 0x43 }, true, "2268:U+327E/U+FFFD 2454:U+3164/U+FFFD")]
    [InlineData("58", "ISO 2022 IR 58", new byte[] { 0x1B, 0x24, 0x29, 0x41 }, true, "")]
    public void Two_byte_set_matches_python_codec_at_every_position(string key, string term, byte[] designation, bool gr, string deviations)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", term]);
        var expected = PythonTables.Value[key];
        var differences = new List<string>();
        for (var row = 0x21; row < 0x7F; row++)
        {
            for (var cell = 0x21; cell < 0x7F; cell++)
            {
                var high = gr ? 0x80 : 0;
                byte[] bytes = [.. designation, (byte)(row | high), (byte)(cell | high), 0x1B, 0x28, 0x42];
                cs.TryDecode(bytes, DicomTextKind.Text, out var ours);
                var theirs = expected[((row - 0x21) * 94) + cell - 0x21].ToString();
                if (ours != theirs)
                {
                    differences.Add($"{row:X2}{cell:X2}:U+{(int)ours[0]:X4}/U+{(int)theirs[0]:X4}");
                }
            }
        }

        Assert.Equal(deviations, string.Join(' ', differences));
    }
}
