namespace Teleread.Dicom.CharacterSets;

/// <summary>A 94 x 94 two-byte code element defined by a generated row-major table.</summary>
internal sealed class DoubleByteCodeElement : CodeElement
{
    private const char Unassigned = '\uFFFD';
    private readonly string _table;
    private ushort[]? _reverse;

    public DoubleByteCodeElement(string registration, byte finalByte, CodeElementSlot dicomSlot, string table)
        : base(registration, CodeElementStructure.Set94x94, finalByte, dicomSlot)
    {
        if (table.Length != 94 * 94)
        {
            throw new ArgumentException($"{registration}: expected {94 * 94} positions, got {table.Length}.", nameof(table));
        }

        _table = table;
    }

    public override char Decode(int code)
    {
        var row = (code >> 8) - 0x21;
        var cell = (code & 0xFF) - 0x21;
        return (uint)row < 94 && (uint)cell < 94 ? _table[(row * 94) + cell] : Unassigned;
    }

    public override bool TryEncode(char c, out int code)
    {
        var index = Reverse[c];
        if (index == 0 || c == Unassigned)
        {
            code = 0;
            return false;
        }

        var position = index - 1;
        code = ((0x21 + (position / 94)) << 8) | (0x21 + (position % 94));
        return true;
    }

    // UTF-16 code unit -> table index + 1 (0: absent); built on first encode, 128 KiB per set.
    private ushort[] Reverse => _reverse ?? Interlocked.CompareExchange(ref _reverse, BuildReverse(_table), null) ?? _reverse;

    private static ushort[] BuildReverse(string table)
    {
        var reverse = new ushort[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i] != Unassigned && reverse[table[i]] == 0)
            {
                reverse[table[i]] = (ushort)(i + 1);
            }
        }

        return reverse;
    }
}
