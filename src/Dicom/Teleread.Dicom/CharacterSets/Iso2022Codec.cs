namespace Teleread.Dicom.CharacterSets;

/// <summary>The codec of the default repertoire, the single-byte terms and the ISO 2022 terms.</summary>
internal sealed class Iso2022Codec(Iso2022Configuration configuration) : ITextCodec
{
    public Iso2022Configuration Configuration { get; } = configuration;

    public bool IsAsciiTransparent => Configuration.InitialG0 == CodeElements.Ascii;

    public bool Decode(ReadOnlySpan<byte> bytes, DicomTextKind kind, bool strict, out string text) =>
        Iso2022Decoder.Decode(Configuration, bytes, kind, strict, out text);

    public bool Encode(ReadOnlySpan<char> text, DicomTextKind kind, bool strict, out byte[] bytes) =>
        Iso2022Encoder.Encode(Configuration, text, kind, strict, out bytes);
}
