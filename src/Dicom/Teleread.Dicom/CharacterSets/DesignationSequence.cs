namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The designation escape sequences of ISO/IEC 2022 (section 14) that DICOM uses: ESC ( F and ESC ) F for 94-sets,
/// ESC - F for 96-sets, ESC $ F (F = 04/00..04/02), ESC $ ( F and ESC $ ) F for 94 x 94 sets.
/// </summary>
internal static class DesignationSequence
{
    /// <summary>The length of ESC I* F (ISO/IEC 2022 13.1), or 0 if the bytes do not form one.</summary>
    public static int Length(ReadOnlySpan<byte> bytes)
    {
        for (var k = 1; k < bytes.Length && k <= 4; k++)
        {
            if (bytes[k] is >= 0x30 and <= 0x7E)
            {
                return k + 1;
            }

            if (bytes[k] is < 0x20 or > 0x2F)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>For a malformed or truncated sequence: ESC and the intermediate bytes that follow it, to be skipped.</summary>
    public static int MalformedLength(ReadOnlySpan<byte> bytes)
    {
        var k = 1;
        while (k < bytes.Length && bytes[k] is >= 0x21 and <= 0x2F)
        {
            k++;
        }

        return k;
    }

    /// <summary>The code element and slot a complete escape sequence designates, or null if DICOM knows no such designation.</summary>
    public static CodeElement? Parse(ReadOnlySpan<byte> sequence, out CodeElementSlot slot)
    {
        slot = CodeElementSlot.G0;
        var final = sequence[^1];
        switch (sequence.Length)
        {
            case 3 when sequence[1] == 0x28:
                return CodeElements.Find(CodeElementStructure.Set94, final);
            case 3 when sequence[1] == 0x29:
                slot = CodeElementSlot.G1;
                return CodeElements.Find(CodeElementStructure.Set94, final);
            case 3 when sequence[1] == 0x2D:
                slot = CodeElementSlot.G1;
                return CodeElements.Find(CodeElementStructure.Set96, final);
            case 3 when sequence[1] == 0x24 && final is >= 0x40 and <= 0x42:
                return CodeElements.Find(CodeElementStructure.Set94x94, final);
            case 4 when sequence[1] == 0x24 && sequence[2] == 0x28:
                return CodeElements.Find(CodeElementStructure.Set94x94, final);
            case 4 when sequence[1] == 0x24 && sequence[2] == 0x29:
                slot = CodeElementSlot.G1;
                return CodeElements.Find(CodeElementStructure.Set94x94, final);
            default:
                return null;
        }
    }
}
