using Teleread.Dicom;

namespace Teleread.Archive.Index;

/// <summary>
/// Person names are matched per component group (alphabetic = romaji, ideographic = kanji, phonetic = kana),
/// each stored normalised: components joined by '^', upper-cased (invariant), full-width ASCII folded to half-width, katakana folded to hiragana.
/// </summary>
public static class PersonNameSearch
{
    public static (string Alphabetic, string Ideographic, string Phonetic) Groups(string patientName)
    {
        var pn = DicomPersonName.Parse(patientName);
        return (Normalise(pn.Alphabetic.ToString()), Normalise(pn.Ideographic.ToString()), Normalise(pn.Phonetic.ToString()));
    }

    public static string Normalise(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c is >= '\u30A1' and <= '\u30F6')
            {
                c = (char)(c - 0x60); // katakana → hiragana, so やまだ and ヤマダ match
            }
            else if (c == '\u3000')
            {
                c = ' ';
            }

            buffer[i] = char.ToUpperInvariant(c);
        }

        return new string(buffer).TrimEnd('^', ' ');
    }
}
