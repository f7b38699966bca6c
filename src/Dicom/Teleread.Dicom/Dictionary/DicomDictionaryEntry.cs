namespace Teleread.Dicom;

/// <summary>One attribute of PS3.6 Table 6-1 (or a repeating-group range of it).</summary>
public sealed class DicomDictionaryEntry
{
    public DicomDictionaryEntry(uint tag, string keyword, string name, DicomVR[] vrs, string vm, bool retired)
    {
        Tag = new DicomTag(tag);
        Keyword = keyword;
        Name = name;
        ValueRepresentations = vrs;
        ValueMultiplicity = vm;
        IsRetired = retired;
    }

    public DicomDictionaryEntry(DicomTagRange range, string keyword, string name, DicomVR[] vrs, string vm, bool retired)
        : this((uint)range.GroupFirst << 16 | range.ElementFirst, keyword, name, vrs, vm, retired) => Range = range;

    /// <summary>The tag, or the first tag of a range.</summary>
    public DicomTag Tag { get; }

    /// <summary>For repeating groups (50xx, 60xx, ...) and element ranges; null for a single tag.</summary>
    public DicomTagRange? Range { get; }

    public string Keyword { get; }

    public string Name { get; }

    /// <summary>One VR, or several as PS3.6 writes "US or SS", "OB or OW" (empty for item delimiters).</summary>
    public IReadOnlyList<DicomVR> ValueRepresentations { get; }

    /// <summary>The VR used when the encoding does not carry one (implicit VR): the first listed.</summary>
    public DicomVR DefaultVR => ValueRepresentations.Count > 0 ? ValueRepresentations[0] : DicomVR.UN;

    /// <summary>As PS3.6 writes it: "1", "1-n", "2-2n", ...</summary>
    public string ValueMultiplicity { get; }

    public bool IsRetired { get; }

    public override string ToString() => $"{Tag} {Keyword} {string.Join(" or ", ValueRepresentations)} {ValueMultiplicity}";
}
