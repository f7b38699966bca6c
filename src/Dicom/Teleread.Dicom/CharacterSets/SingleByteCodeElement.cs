namespace Teleread.Dicom.CharacterSets;

/// <summary>A single-byte code element defined by a table of the 96 positions 0x20..0x7F (GL form).</summary>
internal sealed class SingleByteCodeElement : CodeElement
{
    private const char Unassigned = '\uFFFD';
    private readonly string _positions;

    public SingleByteCodeElement(string registration, CodeElementStructure structure, byte finalByte, CodeElementSlot dicomSlot, string positions)
        : base(registration, structure, finalByte, dicomSlot)
    {
        if (positions.Length != 96)
        {
            throw new ArgumentException($"{registration}: expected 96 positions, got {positions.Length}.", nameof(positions));
        }

        _positions = positions;
    }

    public override char Decode(int code) => code is >= 0x20 and <= 0x7F ? _positions[code - 0x20] : Unassigned;

    public override bool TryEncode(char c, out int code)
    {
        var index = c == Unassigned ? -1 : _positions.IndexOf(c, StringComparison.Ordinal);
        code = index + 0x20;
        return index >= 0;
    }

    /// <summary>Positions for a 94-character GL set that equals ASCII except where <paramref name="replace"/> says.</summary>
    public static string AsciiVariant(params (byte Code, char Char)[] replace)
    {
        var chars = new char[96];
        for (var i = 0; i < 96; i++)
        {
            chars[i] = (char)(0x20 + i);
        }

        chars[0x7F - 0x20] = Unassigned;
        foreach (var (code, c) in replace)
        {
            chars[code - 0x20] = c;
        }

        return new string(chars);
    }

    /// <summary>Positions for a 94-character set whose codes 0x21.. map to consecutive code points.</summary>
    public static string Consecutive(char first, int count)
    {
        var chars = new char[96];
        Array.Fill(chars, Unassigned);
        for (var i = 0; i < count; i++)
        {
            chars[1 + i] = (char)(first + i);
        }

        return new string(chars);
    }
}
