using System.Buffers;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// Encodes text with ISO/IEC 2022 code extensions the way the examples of PS3.5 Annexes H, I and K do: a character
/// stays in the currently designated G0 or G1 set when it can; otherwise the first declared code element that has it
/// is designated just before it; before every delimiter and at the end of the value the initial sets are restored.
/// </summary>
internal static class Iso2022Encoder
{
    private const char Esc = '\u001B';

    public static bool Encode(Iso2022Configuration config, ReadOnlySpan<char> text, DicomTextKind kind, bool strict, out byte[] bytes)
    {
        var writer = new ArrayBufferWriter<byte>(Math.Max(16, text.Length * 2));
        var state = new State(config.InitialG0, config.InitialG1);
        var valid = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 && TextDelimiters.IsDelimiter(c, kind))
            {
                RestoreInitial(config, ref state, writer);
                Write(writer, (byte)c);
                continue;
            }

            if ((c < 0x20 && c != Esc) || c == 0x7F)
            {
                Write(writer, (byte)c);
                continue;
            }

            if (c != Esc && TryWriteCharacter(config, ref state, c, kind, writer))
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
                Designate(config.InitialG0, CodeElementSlot.G0, ref state, writer);
            }

            config.InitialG0.TryEncode('?', out var question);
            Write(writer, (byte)question);
        }

        RestoreInitial(config, ref state, writer);
        bytes = writer.WrittenSpan.ToArray();
        return valid;
    }

    private static bool TryWriteCharacter(Iso2022Configuration config, ref State state, char c, DicomTextKind kind, ArrayBufferWriter<byte> writer)
    {
        if (TryWriteIn(state.G0, CodeElementSlot.G0, c, kind, writer) || (state.G1 is { } g1 && TryWriteIn(g1, CodeElementSlot.G1, c, kind, writer)))
        {
            return true;
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

            Designate(element, element.DicomSlot, ref state, writer);
            return TryWriteIn(element, element.DicomSlot, c, kind, writer);
        }

        return false;
    }

    private static bool CanWrite(CodeElement element, char c, DicomTextKind kind) =>
        element.TryEncode(c, out var code) && !IsDelimiterCode(element, code, kind);

    // JIS X 0201 Romaji puts YEN SIGN at 05/12, which in SH/LO/PN/UC would read back as the value delimiter.
    private static bool IsDelimiterCode(CodeElement element, int code, DicomTextKind kind) =>
        element.BytesPerCharacter == 1 && element.DicomSlot == CodeElementSlot.G0 && TextDelimiters.IsDelimiter(code, kind);

    private static bool TryWriteIn(CodeElement element, CodeElementSlot slot, char c, DicomTextKind kind, ArrayBufferWriter<byte> writer)
    {
        if (!element.TryEncode(c, out var code) || (slot == CodeElementSlot.G0 && IsDelimiterCode(element, code, kind)))
        {
            return false;
        }

        var high = slot == CodeElementSlot.G1 ? 0x80 : 0x00;
        if (element.BytesPerCharacter == 2)
        {
            Write(writer, (byte)((code >> 8) | high));
        }

        Write(writer, (byte)((code & 0xFF) | high));
        return true;
    }

    private static void RestoreInitial(Iso2022Configuration config, ref State state, ArrayBufferWriter<byte> writer)
    {
        if (state.G0 != config.InitialG0)
        {
            Designate(config.InitialG0, CodeElementSlot.G0, ref state, writer);
        }

        if (state.G1 != config.InitialG1)
        {
            // With no initial G1 set there is nothing to return to: the decoder forgets G1 at the delimiter anyway
            // (PS3.5 Annex I.2 and K.2 designate ISO-IR 149 / ISO-IR 58 afresh in every component).
            if (config.InitialG1 is { } initialG1)
            {
                Designate(initialG1, CodeElementSlot.G1, ref state, writer);
            }

            state.G1 = config.InitialG1;
        }
    }

    private static void Designate(CodeElement element, CodeElementSlot slot, ref State state, ArrayBufferWriter<byte> writer)
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

    private static void Write(ArrayBufferWriter<byte> writer, byte b)
    {
        writer.GetSpan(1)[0] = b;
        writer.Advance(1);
    }

    private record struct State(CodeElement G0, CodeElement? G1);
}
