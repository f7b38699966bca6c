namespace Teleread.Dicom.CharacterSets;

/// <summary>Converts a value's bytes to text and back for one resolved Specific Character Set.</summary>
internal interface ITextCodec
{
    /// <summary>
    /// Decodes; returns false if some bytes were invalid (they are then replaced, or a
    /// <see cref="DicomCharacterSetException"/> is thrown when <paramref name="strict"/>).
    /// </summary>
    bool Decode(ReadOnlySpan<byte> bytes, DicomTextKind kind, bool strict, out string text);

    /// <summary>Encodes; returns false if some characters could not be represented (replaced by '?', or thrown when strict).</summary>
    bool Encode(ReadOnlySpan<char> text, DicomTextKind kind, bool strict, out byte[] bytes);

    /// <summary>True when a pure 7-bit value without ESC decodes as ASCII, so the caller may take the fast path.</summary>
    bool IsAsciiTransparent { get; }
}
