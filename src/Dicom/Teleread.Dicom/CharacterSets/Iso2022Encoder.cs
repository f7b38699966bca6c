using System.Buffers;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// Encodes text with ISO/IEC 2022 code extensions the way the examples of PS3.5 Annexes H, I and K do: a character
/// stays in the currently designated G0 or G1 set when it can; otherwise the first declared code element that has it
/// is designated just before it; before every delimiter and at the end of the value the initial sets are restored.
/// </summary>
/// <remarks>
/// A SPACE inside a kanji run is written after a return to ISO-IR 6 / ISO-IR 14, although DICOM would allow 02/00
/// while JIS X 0208 is in G0 (PS3.5 H.2): Python's iso2022_jp, and so pydicom, cannot decode the shorter form.
/// </remarks>
internal static class Iso2022Encoder
{
    private const char Esc = '\u001B';

    public static bool Encode(Iso2022Configuration config, ReadOnlySpan<char> text, DicomTextKind kind, bool strict, out byte[] bytes)
    {
        // Worst case per character: a designation (4 bytes) and 2 bytes, or a delimiter after two restoring designations.
        var bound = (text.Length * 7L) + 8;
        if (bound > Array.MaxLength)
        {
            throw new DicomCharacterSetException($"Text of {text.Length} characters is too long to encode with ISO 2022 code extensions.");
        }

        byte[]? rented = null;
        var writer = new Output(bound <= 512 ? stackalloc byte[(int)bound] : (rented = ArrayPool<byte>.Shared.Rent((int)bound)));
        try
        {
            var valid = EncodeInto(config, text, kind, strict, ref writer);
            bytes = writer.Written.ToArray();
            return valid;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool EncodeInto(Iso2022Configuration config, ReadOnlySpan<char> text, DicomTextKind kind, bool strict, ref Output writer)
    {
        var state = new State(config.InitialG0, config.InitialG1);
        var valid = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 && TextDelimiters.IsDelimiter(c, kind))
            {
                RestoreInitial(config, ref state, ref writer);
                writer.Write((byte)c);
                continue;
            }

            if ((c < 0x20 && c != Esc) || c == 0x7F || (c < 0x80 && c >= 0x20 && state.G0 == CodeElements.Ascii))
            {
                writer.Write((byte)c);
                continue;
            }

            if (c != Esc && TryWriteCharacter(config, ref state, c, kind, ref writer))
            {
                continue;
            }

            if (strict)
            {
                throw new DicomCharacterSetException(
                    $"Character U+{(int)c:X4} at index {i} cannot be encoded with the declared character sets ({string.Join(", ", config.Elements)}).");
            }

            valid = false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            if (state.G0.BytesPerCharacter != 1)
            {
                Designate(config.InitialG0, CodeElementSlot.G0, ref state, ref writer);
            }

            config.InitialG0.TryEncode('?', out var question);
            writer.Write((byte)question);
        }

        RestoreInitial(config, ref state, ref writer);
        return valid;
    }

    private static bool TryWriteCharacter(Iso2022Configuration config, ref State state, char c, DicomTextKind kind, ref Output writer)
    {
        if (TryWriteIn(state.G0, CodeElementSlot.G0, c, kind, ref writer))
        {
            return true;
        }

        if (state.G1 is { } g1 && CanWrite(g1, c, kind))
        {
            ReturnFromTwoByteG0(config, ref state, ref writer);
            return TryWriteIn(g1, CodeElementSlot.G1, c, kind, ref writer);
        }

        if (!config.CodeExtensions)
        {
            return false;
        }

        foreach (var element in config.Elements)
        {
            if (element == state.G0 || element == state.G1 || !CanWrite(element, c, kind))
            {
                continue;
            }

            if (element.DicomSlot == CodeElementSlot.G1)
            {
                ReturnFromTwoByteG0(config, ref state, ref writer);
            }

            Designate(element, element.DicomSlot, ref state, ref writer);
            return TryWriteIn(element, element.DicomSlot, c, kind, ref writer);
        }

        return false;
    }

    private static bool CanWrite(CodeElement element, char c, DicomTextKind kind) =>
        element.TryEncode(c, out var code) && !IsDelimiterCode(element, code, kind);

    // JIS X 0201 Romaji puts YEN SIGN at 05/12, which in SH/LO/PN/UC would read back as the value delimiter.
    private static bool IsDelimiterCode(CodeElement element, int code, DicomTextKind kind) =>
        element.BytesPerCharacter == 1 && element.DicomSlot == CodeElementSlot.G0 && TextDelimiters.IsDelimiter(code, kind);

    private static bool TryWriteIn(CodeElement element, CodeElementSlot slot, char c, DicomTextKind kind, ref Output writer)
    {
        if (!element.TryEncode(c, out var code) || (slot == CodeElementSlot.G0 && IsDelimiterCode(element, code, kind)))
        {
            return false;
        }

        var high = slot == CodeElementSlot.G1 ? 0x80 : 0x00;
        if (element.BytesPerCharacter == 2)
        {
            writer.Write((byte)((code >> 8) | high));
        }

        writer.Write((byte)((code & 0xFF) | high));
        return true;
    }

    // ISO 2022 allows a GR character while a two-byte set is in G0, but decoders that convert each escape-delimited
    // fragment with one codec (pydicom, DCMTK, .NET's iso-2022-jp) cannot read it, so G0 goes back to its initial set.
    private static void ReturnFromTwoByteG0(Iso2022Configuration config, ref State state, ref Output writer)
    {
        if (state.G0.BytesPerCharacter == 2)
        {
            Designate(config.InitialG0, CodeElementSlot.G0, ref state, ref writer);
        }
    }

    private static void RestoreInitial(Iso2022Configuration config, ref State state, ref Output writer)
    {
        if (state.G0 != config.InitialG0)
        {
            Designate(config.InitialG0, CodeElementSlot.G0, ref state, ref writer);
        }

        if (state.G1 != config.InitialG1)
        {
            // With no initial G1 set there is nothing to return to: the decoder forgets G1 at the delimiter anyway
            // (PS3.5 Annex I.2 and K.2 designate ISO-IR 149 / ISO-IR 58 afresh in every component).
            if (config.InitialG1 is { } initialG1)
            {
                Designate(initialG1, CodeElementSlot.G1, ref state, ref writer);
            }

            state.G1 = config.InitialG1;
        }
    }

    private static void Designate(CodeElement element, CodeElementSlot slot, ref State state, ref Output writer)
    {
        writer.Write(element.Designation(slot));
        if (slot == CodeElementSlot.G0)
        {
            state.G0 = element;
        }
        else
        {
            state.G1 = element;
        }
    }

    private record struct State(CodeElement G0, CodeElement? G1);

    private ref struct Output(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _length;

        public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

        public void Write(byte b) => _buffer[_length++] = b;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer[_length..]);
            _length += bytes.Length;
        }
    }
}
