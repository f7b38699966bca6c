using System.Text;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom.Tests.CharacterSets;

/// <summary>The characters of one character set, read back through the public API.</summary>
internal static class Repertoire
{
    /// <summary>Where our tables deliberately differ from Python's codecs (see TableCrossCheckTests).</summary>
    public static readonly string PythonDeviations = "\uFF5E\u327E\u3164";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

    /// <summary>"ISO_IR nnn": the assigned characters of bytes 0xA0..0xFF; "ISO 2022 IR nnn": the 94 x 94 set.</summary>
    public static string Of(string term) => Cache.GetOrAdd(term, Compute);

    private static string Compute(string term) => term.StartsWith("ISO_IR", StringComparison.Ordinal) ? UpperHalf(term) : TwoByte(term);

    private static string UpperHalf(string term)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet([term]);
        var chars = new StringBuilder();
        for (var b = 0xA0; b <= 0xFF; b++)
        {
            if (cs.TryDecode([(byte)b], DicomTextKind.Text, out var c))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    private static string TwoByte(string term)
    {
        var cs = DicomCharacterSet.FromSpecificCharacterSet(["", term]);
        var gr = term is "ISO 2022 IR 149" or "ISO 2022 IR 58";
        byte[] designation = term switch
        {
            "ISO 2022 IR 87" => [0x1B, 0x24, 0x42],
            "ISO 2022 IR 159" => [0x1B, 0x24, 0x28, 0x44],
            "ISO 2022 IR 149" => [0x1B, 0x24, 0x29, 0x43],
            "ISO 2022 IR 58" => [0x1B, 0x24, 0x29, 0x41],
            _ => throw new ArgumentException($"No two-byte set for {term}.", nameof(term)),
        };
        var chars = new StringBuilder();
        for (var row = 0x21; row < 0x7F; row++)
        {
            for (var cell = 0x21; cell < 0x7F; cell++)
            {
                var high = gr ? 0x80 : 0;
                if (cs.TryDecode([.. designation, (byte)(row | high), (byte)(cell | high)], DicomTextKind.Text, out var c))
                {
                    chars.Append(c);
                }
            }
        }

        return chars.ToString();
    }
}
