namespace Teleread.Dicom.CharacterSets;

/// <summary>
/// Turns the values of Specific Character Set (0008,0005) into a codec (PS3.3 C.12.1.1.2), collecting a warning
/// for every liberty taken with non-conformant values.
/// </summary>
internal static class SpecificCharacterSetResolver
{
    public static ITextCodec Resolve(IReadOnlyList<string> terms, List<string> warnings)
    {
        var resolved = new List<DefinedTerm?>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            resolved.Add(ResolveTerm(terms[i] ?? string.Empty, i, warnings));
        }

        var value1 = resolved.Count > 0 ? resolved[0] : null;
        if (value1?.StatelessEncoding is { } encoding)
        {
            if (terms.Count > 1)
            {
                warnings.Add($"'{value1.Term}' does not allow code extensions; values 2..{terms.Count} are ignored.");
            }

            return new StatelessEncodingCodec(value1.Term, encoding());
        }

        var extensions = terms.Count > 1 || resolved.Any(t => t?.IsIso2022Term == true);
        var initialG0 = CodeElements.Ascii;
        CodeElement? initialG1 = null;
        var elements = new List<CodeElement>();
        if (value1 is null)
        {
            elements.Add(CodeElements.Ascii);
        }

        for (var i = 0; i < resolved.Count; i++)
        {
            if (resolved[i] is not { } term)
            {
                continue;
            }

            if (term.StatelessEncoding is not null)
            {
                warnings.Add($"'{term.Term}' cannot be combined with other character sets; value {i + 1} is ignored.");
                continue;
            }

            if (extensions && term.Kind == DefinedTermKind.SingleByteWithoutExtensions)
            {
                warnings.Add($"'{term.Term}' in a multi-valued Specific Character Set is read as '{term.Term.Replace("ISO_IR", "ISO 2022 IR", StringComparison.Ordinal)}'.");
            }

            if (i == 0)
            {
                if (term.G0 is { BytesPerCharacter: 1 } g0)
                {
                    initialG0 = g0;
                }
                else if (term.G0 is not null)
                {
                    warnings.Add($"'{term.Term}' cannot be the initial G0 set; value 1 starts with ISO-IR 6.");
                    elements.Add(CodeElements.Ascii);
                }

                initialG1 = term.G1;
            }

            foreach (var element in new[] { term.G0, term.G1 })
            {
                if (element is not null && !elements.Contains(element))
                {
                    elements.Add(element);
                }
            }
        }

        var fallbackG1 = initialG1 ?? elements.FirstOrDefault(e => e.DicomSlot == CodeElementSlot.G1) ?? CodeElements.Latin1;
        return new Iso2022Codec(new Iso2022Configuration(initialG0, initialG1, elements, extensions, fallbackG1));
    }

    private static DefinedTerm? ResolveTerm(string raw, int index, List<string> warnings)
    {
        // Values are padded with spaces (and, by some writers, NUL) to even length.
        var term = raw.Trim(' ', '\0', '\t');
        if (term.Length == 0)
        {
            if (index > 0)
            {
                warnings.Add($"Value {index + 1} of Specific Character Set is empty and is ignored.");
            }

            return null;
        }

        if (DefinedTerms.Find(term) is { } exact)
        {
            return exact;
        }

        if (DefinedTerms.FindLenient(term) is { } lenient)
        {
            warnings.Add($"'{term}' is not a Defined Term; read as '{lenient.Term}'.");
            return lenient;
        }

        warnings.Add(index == 0
            ? $"Unknown Specific Character Set '{term}'; the default repertoire (ISO-IR 6) is used instead."
            : $"Unknown Specific Character Set '{term}' (value {index + 1}) is ignored.");
        return null;
    }
}
