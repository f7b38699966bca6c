using System.Text;

namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The multi-byte character sets without code extensions (ISO_IR 192, GB18030, GBK, PS3.3 Table C.12-5): the whole
/// value is decoded at once, so a 0x5C trail byte inside a GB18030/GBK character is never taken for a delimiter
/// (PS3.5 6.1.2.3).
/// </summary>
internal sealed class StatelessEncodingCodec : ITextCodec
{
    private readonly string _term;
    private readonly Encoding _throwing;
    private readonly Encoding _replacing;

    public StatelessEncodingCodec(string term, Encoding encoding)
    {
        _term = term;
        _throwing = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        _replacing = Encoding.GetEncoding(encoding.CodePage, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("\uFFFD"));
    }

    public bool IsAsciiTransparent => true;

    public bool Decode(ReadOnlySpan<byte> bytes, DicomTextKind kind, bool strict, out string text)
    {
        try
        {
            text = _throwing.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            if (strict)
            {
                throw new DicomCharacterSetException($"Invalid {_term} byte sequence at offset {e.Index}.");
            }

            text = _replacing.GetString(bytes);
            return false;
        }
    }

    public bool Encode(ReadOnlySpan<char> text, DicomTextKind kind, bool strict, out byte[] bytes)
    {
        try
        {
            bytes = new byte[_throwing.GetByteCount(text)];
            _throwing.GetBytes(text, bytes);
            return true;
        }
        catch (EncoderFallbackException e)
        {
            if (strict)
            {
                throw new DicomCharacterSetException($"Character U+{(int)e.CharUnknown:X4} at index {e.Index} cannot be encoded in {_term}.");
            }

            bytes = new byte[_replacing.GetByteCount(text)];
            _replacing.GetBytes(text, bytes);
            return false;
        }
    }
}
