namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// One graphic character set of ISO/IEC 2022 (a "code element" in PS3.5 6.1.2.5), e.g. ISO-IR 6 or ISO-IR 87.
/// Codes are in GL form: a byte 0x20..0x7F, or for two-byte sets (first &lt;&lt; 8) | second with both 0x21..0x7E.
/// </summary>
internal abstract class CodeElement
{
    protected CodeElement(string registration, CodeElementStructure structure, byte finalByte, CodeElementSlot dicomSlot)
    {
        Registration = registration;
        Structure = structure;
        FinalByte = finalByte;
        DicomSlot = dicomSlot;
        _g0Designation = BuildDesignation(CodeElementSlot.G0);
        _g1Designation = BuildDesignation(CodeElementSlot.G1);
    }

    private readonly byte[]? _g0Designation;
    private readonly byte[]? _g1Designation;

    /// <summary>The ISO registration, e.g. "ISO-IR 87".</summary>
    public string Registration { get; }

    public CodeElementStructure Structure { get; }

    /// <summary>The Final Byte F of the designation escape sequence.</summary>
    public byte FinalByte { get; }

    /// <summary>Where PS3.3 Table C.12-3/C.12-4 designates this element.</summary>
    public CodeElementSlot DicomSlot { get; }

    public int BytesPerCharacter => Structure == CodeElementStructure.Set94x94 ? 2 : 1;

    /// <summary>The character at a GL-form code, or U+FFFD if the position is unassigned.</summary>
    public abstract char Decode(int code);

    /// <summary>The GL-form code of a character, if this set contains it.</summary>
    public abstract bool TryEncode(char c, out int code);

    /// <summary>The designation escape sequence (starting with ESC) for a slot, per ISO/IEC 2022 section 14.</summary>
    public ReadOnlySpan<byte> Designation(CodeElementSlot slot) =>
        (slot == CodeElementSlot.G0 ? _g0Designation : _g1Designation)
        ?? throw new InvalidOperationException($"{Registration} cannot be designated to {slot}.");

    private byte[]? BuildDesignation(CodeElementSlot slot) => (Structure, slot) switch
    {
        (CodeElementStructure.Set94, CodeElementSlot.G0) => [0x1B, 0x28, FinalByte],
        (CodeElementStructure.Set94, CodeElementSlot.G1) => [0x1B, 0x29, FinalByte],
        (CodeElementStructure.Set96, CodeElementSlot.G1) => [0x1B, 0x2D, FinalByte],
        // The intermediate 02/08 is omitted for the Final Bytes 04/00..04/02 (PS3.5 Table H.1-2 note 1).
        (CodeElementStructure.Set94x94, CodeElementSlot.G0) when FinalByte is >= 0x40 and <= 0x42 => [0x1B, 0x24, FinalByte],
        (CodeElementStructure.Set94x94, CodeElementSlot.G0) => [0x1B, 0x24, 0x28, FinalByte],
        (CodeElementStructure.Set94x94, CodeElementSlot.G1) => [0x1B, 0x24, 0x29, FinalByte],
        _ => null,
    };

    public override string ToString() => Registration;
}
