using Teleread.Dicom.CharacterSets.Tables;

namespace Teleread.Dicom.CharacterSets;

/// <summary>The code elements DICOM names in PS3.3 Tables C.12-2..C.12-4, with the Final Bytes of PS3.5 Annex H.</summary>
internal static class CodeElements
{
    public static readonly CodeElement Ascii = new SingleByteCodeElement(
        "ISO-IR 6", CodeElementStructure.Set94, (byte)'B', CodeElementSlot.G0, SingleByteCodeElement.AsciiVariant());

    /// <summary>JIS X 0201 Romaji: ASCII except 05/12 YEN SIGN and 07/14 OVERLINE (PS3.5 H.1.1).</summary>
    public static readonly CodeElement JisX0201Romaji = new SingleByteCodeElement(
        "ISO-IR 14", CodeElementStructure.Set94, (byte)'J', CodeElementSlot.G0,
        SingleByteCodeElement.AsciiVariant((0x5C, '\u00A5'), (0x7E, '\u203E')));

    /// <summary>JIS X 0201 Katakana: 0x21..0x5F are U+FF61..U+FF9F (half-width katakana).</summary>
    public static readonly CodeElement JisX0201Katakana = new SingleByteCodeElement(
        "ISO-IR 13", CodeElementStructure.Set94, (byte)'I', CodeElementSlot.G1, SingleByteCodeElement.Consecutive('\uFF61', 63));

    public static readonly CodeElement Latin1 = Upper("ISO-IR 100", 'A', Iso8859Part1Table.Chars);
    public static readonly CodeElement Latin2 = Upper("ISO-IR 101", 'B', Iso8859Part2Table.Chars);
    public static readonly CodeElement Latin3 = Upper("ISO-IR 109", 'C', Iso8859Part3Table.Chars);
    public static readonly CodeElement Latin4 = Upper("ISO-IR 110", 'D', Iso8859Part4Table.Chars);
    public static readonly CodeElement Cyrillic = Upper("ISO-IR 144", 'L', Iso8859Part5Table.Chars);
    public static readonly CodeElement Arabic = Upper("ISO-IR 127", 'G', Iso8859Part6Table.Chars);
    public static readonly CodeElement Greek = Upper("ISO-IR 126", 'F', Iso8859Part7Table.Chars);
    public static readonly CodeElement Hebrew = Upper("ISO-IR 138", 'H', Iso8859Part8Table.Chars);
    public static readonly CodeElement Latin5 = Upper("ISO-IR 148", 'M', Iso8859Part9Table.Chars);
    public static readonly CodeElement Latin9 = Upper("ISO-IR 203", 'b', Iso8859Part15Table.Chars);
    public static readonly CodeElement Thai = Upper("ISO-IR 166", 'T', Tis620Table.Chars);

    public static readonly CodeElement JisX0208 = new DoubleByteCodeElement("ISO-IR 87", (byte)'B', CodeElementSlot.G0, JisX0208Table.Chars);
    public static readonly CodeElement JisX0212 = new DoubleByteCodeElement("ISO-IR 159", (byte)'D', CodeElementSlot.G0, JisX0212Table.Chars);
    public static readonly CodeElement KsX1001 = new DoubleByteCodeElement("ISO-IR 149", (byte)'C', CodeElementSlot.G1, KsX1001Table.Chars);
    public static readonly CodeElement Gb2312 = new DoubleByteCodeElement("ISO-IR 58", (byte)'A', CodeElementSlot.G1, Gb2312Table.Chars);

    private static readonly CodeElement[] All =
    [
        Ascii, JisX0201Romaji, JisX0201Katakana, Latin1, Latin2, Latin3, Latin4, Cyrillic, Arabic, Greek, Hebrew, Latin5,
        Latin9, Thai, JisX0208, JisX0212, KsX1001, Gb2312,
    ];

    /// <summary>The element a designation (structure + Final Byte) names, if DICOM knows it.</summary>
    public static CodeElement? Find(CodeElementStructure structure, byte finalByte)
    {
        // ESC $ @ designates JIS C 6226-1978, the predecessor of JIS X 0208 that some writers still emit.
        if (structure == CodeElementStructure.Set94x94 && finalByte == (byte)'@')
        {
            return JisX0208;
        }

        foreach (var element in All)
        {
            if (element.Structure == structure && element.FinalByte == finalByte)
            {
                return element;
            }
        }

        return null;
    }

    private static SingleByteCodeElement Upper(string registration, char finalByte, string chars) =>
        new(registration, CodeElementStructure.Set96, (byte)finalByte, CodeElementSlot.G1, chars);
}
