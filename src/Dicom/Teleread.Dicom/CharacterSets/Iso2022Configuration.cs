namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// The ISO/IEC 2022 code system a Specific Character Set resolves to: the sets designated at the start of every
/// value and after every delimiter (from value 1), and the code elements the other values allow to designate.
/// </summary>
internal sealed class Iso2022Configuration
{
    public Iso2022Configuration(CodeElement initialG0, CodeElement? initialG1, IReadOnlyList<CodeElement> elements, bool codeExtensions, CodeElement? fallbackG1)
    {
        InitialG0 = initialG0;
        InitialG1 = initialG1;
        Elements = elements;
        CodeExtensions = codeExtensions;
        FallbackG1 = fallbackG1;
    }

    public CodeElement InitialG0 { get; }

    public CodeElement? InitialG1 { get; }

    /// <summary>The declared code elements in the order of the terms (value 1 first): the encoder's preference.</summary>
    public IReadOnlyList<CodeElement> Elements { get; }

    /// <summary>Whether escape sequences may be written (ISO 2022 terms) or not (single-byte terms without extensions).</summary>
    public bool CodeExtensions { get; }

    /// <summary>
    /// Lenient decoding of GR bytes while no G1 set is designated: the first declared G1 element (e.g. ISO-IR 149 for
    /// a Korean value whose writer left out ESC $ ) C), else ISO-IR 100 as pydicom does for the default repertoire.
    /// </summary>
    public CodeElement? FallbackG1 { get; }

    public bool Allows(CodeElement element) => element == InitialG0 || element == InitialG1 || Elements.Contains(element);
}
