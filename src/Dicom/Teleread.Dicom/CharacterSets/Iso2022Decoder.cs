using System.Buffers;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// Decodes a value encoded with ISO/IEC 2022 code extensions as DICOM restricts them (PS3.5 6.1.2.5): G0 in GL,
/// G1 in GR, designation by escape sequence, and a return to the initial sets at every delimiter of the value kind.
/// </summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;
    private const char Replacement = '\uFFFD';

    public static bool Decode(Iso2022Configuration config, ReadOnlySpan<byte> bytes, DicomTextKind kind, bool strict, out string text)
    {
        // Every character consumes at least one byte, so the output never exceeds the input length.
        char[]? rented = null;
        var output = bytes.Length <= 256 ? stackalloc char[bytes.Length] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            output = output[..bytes.Length];
            if (TryDecodeWithoutEscapes(config, bytes, kind, output))
            {
                text = new string(output);
                return true;
            }

            var valid = DecodeInto(config, bytes, kind, strict, output, out var written);
            text = new string(output[..written]);
            return valid;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Without ESC the initial single-byte sets stay designated throughout, so each byte maps to one character.
    // Returns false (leaving the work to DecodeInto) on anything else, including invalid bytes.
    private static bool TryDecodeWithoutEscapes(Iso2022Configuration config, ReadOnlySpan<byte> bytes, DicomTextKind kind, Span<char> output)
    {
        var g0 = config.InitialG0;
        var g1 = config.InitialG1;
        if (g0.BytesPerCharacter != 1 || g1 is { BytesPerCharacter: not 1 } || bytes.Contains(Esc))
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            char c;
            if (b < 0x20 || b == 0x7F || (b == 0x5C && kind != DicomTextKind.Text))
            {
                c = (char)b;
            }
            else if (b < 0x80)
            {
                c = g0 == CodeElements.Ascii ? (char)b : g0.Decode(b);
            }
            else if (b >= 0xA0 && g1 is not null)
            {
                c = g1.Decode(b & 0x7F);
            }
            else
            {
                return false;
            }

            if (c == Replacement)
            {
                return false;
            }

            output[i] = c;
        }

        return true;
    }

    private static bool DecodeInto(Iso2022Configuration config, ReadOnlySpan<byte> bytes, DicomTextKind kind, bool strict, Span<char> output, out int written)
    {
        var g0 = config.InitialG0;
        var g1 = config.InitialG1;
        var valid = true;
        var n = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == Esc)
            {
                var length = DesignationSequence.Length(bytes[i..]);
                var slot = CodeElementSlot.G0;
                var target = length > 0 ? DesignationSequence.Parse(bytes.Slice(i, length), out slot) : null;
                if (target is null || (strict && !config.Allows(target)))
                {
                    Fail(strict, ref valid, $"unknown or undeclared escape sequence at offset {i}");
                    output[n++] = Replacement;
                    i += length > 0 ? length : DesignationSequence.MalformedLength(bytes[i..]);
                    continue;
                }

                if (slot == CodeElementSlot.G0)
                {
                    g0 = target;
                }
                else
                {
                    g1 = target;
                }

                i += length;
                continue;
            }

            if (b < 0x20 || b == 0x7F)
            {
                if (TextDelimiters.IsDelimiter(b, kind))
                {
                    (g0, g1) = (config.InitialG0, config.InitialG1);
                }

                output[n++] = (char)b;
                i++;
                continue;
            }

            if (b < 0x80)
            {
                i += DecodeGl(config, bytes, i, kind, strict, ref g0, ref g1, ref valid, output, ref n);
                continue;
            }

            if (b < 0xA0)
            {
                Fail(strict, ref valid, $"C1 control byte 0x{b:X2} at offset {i}");
                output[n++] = Replacement;
                i++;
                continue;
            }

            var gr = g1;
            if (gr is null)
            {
                Fail(strict, ref valid, $"byte 0x{b:X2} at offset {i} while no G1 character set is designated");
                gr = config.FallbackG1;
                if (gr is null)
                {
                    output[n++] = Replacement;
                    i++;
                    continue;
                }
            }

            i += DecodeCharacter(gr, bytes, i, 0x80, strict, ref valid, output, ref n);
        }

        written = n;
        return valid;
    }

    // Returns the bytes consumed at a GL position (0x20..0x7F).
    private static int DecodeGl(
        Iso2022Configuration config, ReadOnlySpan<byte> bytes, int i, DicomTextKind kind, bool strict,
        ref CodeElement g0, ref CodeElement? g1, ref bool valid, Span<char> output, ref int n)
    {
        var b = bytes[i];
        if (g0.BytesPerCharacter == 2)
        {
            if (b == 0x20)
            {
                output[n++] = ' ';
                return 1;
            }

            // A two-byte G0 needs a second GL byte; a delimiter left without one means the writer forgot to return to
            // the initial set before it, so treat it as the delimiter rather than lose the structure of the value.
            var complete = i + 1 < bytes.Length && bytes[i + 1] is >= 0x21 and <= 0x7E && b is >= 0x21 and <= 0x7E;
            if (complete)
            {
                return DecodeCharacter(g0, bytes, i, 0x00, strict, ref valid, output, ref n);
            }

            if (!TextDelimiters.IsDelimiter(b, kind))
            {
                Fail(strict, ref valid, $"incomplete two-byte {g0} character at offset {i}");
                output[n++] = Replacement;
                return 1;
            }
        }

        if (TextDelimiters.IsDelimiter(b, kind))
        {
            (g0, g1) = (config.InitialG0, config.InitialG1);
            output[n++] = (char)b;
            return 1;
        }

        return DecodeCharacter(g0, bytes, i, 0x00, strict, ref valid, output, ref n);
    }

    private static int DecodeCharacter(CodeElement element, ReadOnlySpan<byte> bytes, int i, int highBit, bool strict, ref bool valid, Span<char> output, ref int n)
    {
        int code;
        int length;
        if (element.BytesPerCharacter == 1)
        {
            code = bytes[i] & 0x7F;
            length = 1;
        }
        else if (i + 1 < bytes.Length && (bytes[i + 1] & 0x80) == highBit && (bytes[i] & 0x7F) is >= 0x21 and <= 0x7E && (bytes[i + 1] & 0x7F) is >= 0x21 and <= 0x7E)
        {
            code = ((bytes[i] & 0x7F) << 8) | (bytes[i + 1] & 0x7F);
            length = 2;
        }
        else
        {
            Fail(strict, ref valid, $"incomplete two-byte {element} character at offset {i}");
            output[n++] = Replacement;
            return 1;
        }

        var c = element.Decode(code);
        if (c == Replacement)
        {
            Fail(strict, ref valid, $"code 0x{code:X} at offset {i} is not assigned in {element}");
        }

        output[n++] = c;
        return length;
    }

    private static void Fail(bool strict, ref bool valid, string problem)
    {
        if (strict)
        {
            throw new DicomCharacterSetException($"Cannot decode value: {problem}.");
        }

        valid = false;
    }
}
